import Papa from "papaparse";

// The portal's one CSV writer (every export and the import template): Excel opens the file as
// is in a Ukrainian locale — UTF-8 with a byte order mark (else it reads Cyrillic as cp1251),
// semicolons, CRLF — and a cell that starts like a formula (= + - @, a tab or a carriage return)
// gets a leading apostrophe (papaparse's escapeFormulae), so a spreadsheet shows it, never runs it.
// Pure; papaparse quotes what needs quoting.

export type CsvCell = string | number | null;

export function toCsv(
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  options: { trailer?: readonly string[] } = {},
): string {
  const data = rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
  const body = Papa.unparse({ fields: [...columns], data }, { delimiter: ";", newline: "\r\n", escapeFormulae: true });
  const trailer = options.trailer?.length ? `${options.trailer.join("\r\n")}\r\n` : "";
  return `\uFEFF${body}\r\n${trailer}`;
}
