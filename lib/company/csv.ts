// CSV that Excel opens as is in a Ukrainian locale: UTF-8 with a byte order mark (else Excel
// reads Cyrillic as cp1251), semicolons, CRLF. A cell that starts like a formula (= + - @, a tab
// or a carriage return) gets a leading apostrophe, so a spreadsheet shows it and never runs it.
// Pure.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const line = (cells: ReadonlyArray<string | number | null>) => cells.map((c) => quote(neutraliseCell(c === null ? "" : String(c)))).join(";");
  return `\uFEFF${[line(columns), ...rows.map(line)].join("\r\n")}\r\n`;
}
