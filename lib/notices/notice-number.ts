// A notice's unique number as printed: the year of forming and the database's sequence, e.g.
// «П-2026/000123». Pure: the page, the PDF and the public check format it the same way.

export function noticeNumber(seq: bigint | number, formedAt: Date): string {
  return `П-${formedAt.getUTCFullYear()}/${String(seq).padStart(6, "0")}`;
}
