/**
 * WhatsApp's message formatting, parsed into a tree the UI renders as React elements (never as
 * HTML): *bold*, _italic_, ~strikethrough~ and ```monospace```. As in WhatsApp, a marker opens
 * only before a non-space character, at the start of the text or after a space or punctuation, and
 * closes after a non-space character, before the end, a space or punctuation, on the same line;
 * styles nest, monospace does not (its content stays literal). Anything else is left as typed.
 */
export type WaNode =
  | { kind: "text"; text: string }
  | { kind: "bold" | "italic" | "strike"; children: WaNode[] }
  | { kind: "mono"; text: string };

const MARKERS = { "*": "bold", _: "italic", "~": "strike" } as const;
type Marker = keyof typeof MARKERS;

const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isEdge = (c: string | undefined) => c === undefined || /[\s\p{P}\p{S}]/u.test(c);

/** Where the span opened at `open` by `m` closes, or -1. */
function closing(s: string, open: number, m: string): number {
  for (let j = open + 2; j < s.length; j++) {
    const c = s[j];
    if (c === "\n") return -1;
    if (c === m && !isSpace(s[j - 1]) && isEdge(s[j + 1])) return j;
  }
  return -1;
}

export function parseWhatsApp(s: string): WaNode[] {
  const out: WaNode[] = [];
  let buf = "";
  const flush = () => {
    if (buf) out.push({ kind: "text", text: buf });
    buf = "";
  };
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("```", i)) {
      const end = s.indexOf("```", i + 3);
      if (end > i + 3) {
        flush();
        out.push({ kind: "mono", text: s.slice(i + 3, end) });
        i = end + 3;
        continue;
      }
    }
    const c = s[i]!;
    if (c in MARKERS && isEdge(s[i - 1]) && s[i + 1] !== undefined && !isSpace(s[i + 1]) && s[i + 1] !== c) {
      const j = closing(s, i, c);
      if (j > 0) {
        flush();
        out.push({ kind: MARKERS[c as Marker], children: parseWhatsApp(s.slice(i + 1, j)) });
        i = j + 1;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/** The text a formatted message shows (markers removed), e.g. for accessible names. */
export function plainWhatsApp(nodes: WaNode[]): string {
  return nodes.map((n) => (n.kind === "text" || n.kind === "mono" ? n.text : plainWhatsApp(n.children))).join("");
}
