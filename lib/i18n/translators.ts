import { createTranslator } from "use-intl/core";
import type { Locale } from "./config";
import { CAMS_ERRORS_NAMESPACE, codeOfCamsErrorKey, explainCamsError, type CamsErrorExplanation, type CamsErrorsTranslator } from "./cams-errors";
import { loadMessages } from "./load-messages";

/**
 * Translators outside React (Node only: the messages are read from disk), for tests and e2e specs
 * that check what the UI shows: the same messages and the same lookup as the browser.
 */
export function translatorFor(locale: Locale, namespace: string, root?: string): CamsErrorsTranslator {
  return createTranslator({ locale, messages: loadMessages(locale, root) as never, namespace: namespace as never }) as unknown as CamsErrorsTranslator;
}

export const explainCamsErrorIn = (code: string, locale: Locale, root?: string): CamsErrorExplanation =>
  explainCamsError(code, translatorFor(locale, CAMS_ERRORS_NAMESPACE, root));

/** Every code with its own entry in messages/<locale>/camsErrors.json. */
export function camsErrorCodesIn(locale: Locale, root?: string): string[] {
  const codes = (loadMessages(locale, root)[CAMS_ERRORS_NAMESPACE] as { codes?: Record<string, unknown> } | undefined)?.codes ?? {};
  return Object.keys(codes).map(codeOfCamsErrorKey);
}
