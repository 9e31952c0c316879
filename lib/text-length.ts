/**
 * How long a text is "as the user sees it", for limits such as the 140-character prefilled
 * message of a QR code.
 *
 * The rule is Unicode code points (`Array.from`), not UTF-16 units (`.length`) and not grapheme
 * clusters: CAMS documents no rule of its own, Meta's limit is in characters, and the sandbox
 * counts code points, so the form, the action and the sandbox must agree on this one. With it an
 * emoji such as 😀 or a Chinese character counts 1 (`.length` would say 2 for the emoji), while a
 * composed emoji (👍🏽, 👨‍👩‍👧, flags) counts as the code points it is made of: the UI says so when
 * that happens (see `composedExtra`).
 */
export function charCount(text: string): number {
  // The sandbox counts the same way (server/sandbox/validate.ts codePoints).
  return Array.from(text).length;
}

/** Grapheme clusters (what a reader would call characters), where the runtime can segment. */
export function graphemeCount(text: string): number {
  if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return charCount(text);
  return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)).length;
}

/** How many more characters the counted length has than a reader sees (0 for plain text, CJK and single emoji). */
export function composedExtra(text: string): number {
  return charCount(text) - graphemeCount(text);
}
