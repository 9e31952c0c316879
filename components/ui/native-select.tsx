/**
 * The look of a native <select> (the app's filters and short choice lists keep the browser's own
 * list: keyboard type-ahead, the platform picker on phones). Width is the caller's.
 */
export const nativeSelectClass =
  "h-9 rounded-md border border-input bg-background px-3 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-ring aria-invalid:border-destructive dark:bg-input/30";
