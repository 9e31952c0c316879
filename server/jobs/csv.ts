import "server-only";

type Cell = string | number | null | undefined;

/**
 * RFC 4180 CSV. A cell a spreadsheet would read as a formula (= + - @, tab, CR) gets a leading
 * apostrophe: CAMS error messages are text from outside and must not run in someone's Excel.
 */
export function toCsv(rows: Cell[][]): string {
  const cell = (v: Cell) => {
    if (v === null || v === undefined) return "";
    let s = String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // A BOM so Excel opens UTF-8 (Chinese space names) correctly.
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
