import type { MarkRecord } from "@/lib/registry";

/**
 * The reservation in force on `today`: a mark the registry holds as active that has begun and
 * not run out. The expiry job may lag a day behind a term's end; a person must not be shown as
 * reserved on the day after it.
 */
export function currentMark(marks: readonly MarkRecord[], today: string): MarkRecord | null {
  return marks.find((m) => m.status === "ACTIVE" && m.fromDate <= today && m.untilDate >= today) ?? null;
}
