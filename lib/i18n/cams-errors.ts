/**
 * Plain-language explanations of CAMS error codes (shared/cams/API.md §7) live in
 * messages/<locale>/camsErrors.json, looked up by key through next-intl like every other string.
 *
 * Key scheme: next-intl reads "." as nesting, so a code's key is the code with every "." replaced
 * by "_" (`InvalidParameter.VerifyCode` → `codes.InvalidParameter_VerifyCode`). CAMS codes contain
 * no "_", so the mapping is reversible. Only keys starting with a capital letter are looked up, so a
 * code such as "constructor" or "__proto__" can never reach an object's prototype.
 */

export const CAMS_ERRORS_NAMESPACE = "camsErrors";

export interface CamsErrorExplanation {
  title: string;
  explanation: string;
  action?: string;
}

/** What `useTranslations("camsErrors")` (or use-intl's `createTranslator`) returns, as far as this file needs it. */
export interface CamsErrorsTranslator {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

/** The message key of a code under `camsErrors.codes`, or null when the code cannot be a key. */
export function camsErrorKey(code: string): string | null {
  const key = code.replaceAll(".", "_");
  return /^[A-Z][A-Za-z0-9_]*$/.test(key) ? key : null;
}

/** The code a message key stands for (the inverse of camsErrorKey). */
export const codeOfCamsErrorKey = (key: string): string => key.replaceAll("_", ".");

function entry(t: CamsErrorsTranslator, path: string, values?: Record<string, string>): CamsErrorExplanation | undefined {
  if (!t.has(`${path}.title`)) return undefined;
  const action = t.has(`${path}.action`) ? t(`${path}.action`, values) : undefined;
  return { title: t(`${path}.title`, values), explanation: t(`${path}.explanation`, values), ...(action ? { action } : {}) };
}

const own = (t: CamsErrorsTranslator, code: string) => {
  const key = camsErrorKey(code);
  return key ? entry(t, `codes.${key}`) : undefined;
};

/**
 * Title, explanation and suggested action for a CAMS error code. Families share a text
 * (Missing*, Throttling*, InvalidParameter.*) and keep the member's own name visible; any other
 * code gets a generic text naming it.
 */
export function explainCamsError(code: string, t: CamsErrorsTranslator): CamsErrorExplanation {
  const exact = own(t, code);
  if (exact) return exact;
  const missing = /^Missing([A-Z]\w*)$/.exec(code);
  if (missing) {
    const base = own(t, "MissingParameter")!;
    return { ...base, explanation: `${base.explanation} (${missing[1]})` };
  }
  if (code.startsWith("Throttling")) return own(t, "Throttling.User")!;
  if (/^InvalidParameter\.\w+$/.test(code)) return entry(t, "generic.invalidParameter", { code })!;
  return entry(t, "generic.unknown", { code })!;
}
