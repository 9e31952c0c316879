import { createParser, debounce, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs";

/**
 * nuqs parsers shared by the lists whose view lives in the URL. A value that does not parse falls
 * back to the default, so a hand-edited or stale link still opens a working view.
 */

/** A search box's text, cut to what the box accepts. */
export const parseAsSearch = (max: number) =>
  createParser({ parse: (v) => parseAsString.parse(v)?.slice(0, max) ?? null, serialize: String }).withDefault("");

const WORD = /^[A-Za-z_]{1,32}$/;
/** An enum filter ("" = all): any word, so a value CAMS adds later still filters. */
export const parseAsWord = createParser({ parse: (v) => (WORD.test(v) ? v : null), serialize: String }).withDefault("");

/** A 1-based page; "0", "-2", "1.5" or "2x" mean the first page. */
export const parseAsPage = createParser({
  parse: (v) => {
    const n = parseAsInteger.parse(v);
    return n !== null && n > 0 && String(n) === v ? n : null;
  },
  serialize: String,
}).withDefault(1);

export const parseAsSortDir = parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc");

/**
 * Every list's URL options: a default value leaves the URL, and `shallow` keeps the server page
 * from re-rendering (and so from calling CAMS) on each change; the client reads through TanStack Query.
 */
export const LIST_URL_OPTIONS = { clearOnDefault: true, shallow: true, history: "replace" } as const;

/** The search box writes the URL once typing pauses; the view itself follows each keystroke. */
export const SEARCH_URL_UPDATES = { limitUrlUpdates: debounce(250) } as const;
