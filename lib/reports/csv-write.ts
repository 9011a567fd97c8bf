// Pure CSV writing for exports. Cells that a spreadsheet would run as a formula (= + - @, tab,
// carriage return) are prefixed with an apostrophe: stops CSV injection from names people typed.

export function csvCell(value: unknown): string {
  let s = value == null ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return "\ufeff" + csvLine(header) + rows.map(csvLine).join("");
}
