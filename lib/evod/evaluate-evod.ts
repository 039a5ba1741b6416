import type { MarkRecord } from "@/lib/registry";
import type { EvodSnapshot } from "./snapshot";

// Whether an issued еВОД still tells the truth, and if not, the first reason a ТЦК officer
// would care about: replaced by a newer one, the reservation gone, the term over, or any
// shown fact changed. Pure: the caller reads the registry and passes the clock's date.

export const EVOD_INVALID_REASONS = {
  SUPERSEDED: "Документ замінено новішим: власник сформував новий еВОД",
  RESERVATION_ANNULLED: "Бронювання, зазначене в документі, анульовано",
  RESERVATION_ENDED: "Строк бронювання, зазначеного в документі, закінчився",
  EXPIRED: "Строк дії документа минув",
  DATA_CHANGED: "Дані документа більше не збігаються з реєстром «Оберіг»",
} as const;

export type EvodInvalidReason = keyof typeof EVOD_INVALID_REASONS;
export type EvodVerdict = { valid: true } | { valid: false; reason: EvodInvalidReason };

export type IssuedEvod = { snapshot: EvodSnapshot; snapshotHash: string; validUntil: string; revokedAt: Date | null };

export function evaluateEvod(options: {
  document: IssuedEvod;
  /** The registry's facts today, hashed the same way; null when the person left the registry. */
  currentHash: string | null;
  /** Every reservation mark of the person, to tell an annulled reservation from an ended one. */
  marks: readonly MarkRecord[];
  today: string;
}): EvodVerdict {
  const { document, currentHash, marks, today } = options;
  if (document.revokedAt) return { valid: false, reason: "SUPERSEDED" };

  const shown = document.snapshot.reservation;
  if (shown) {
    const mark = marks.find((m) => m.id === shown.markId);
    if (!mark || mark.status === "ANNULLED")
      return { valid: false, reason: mark ? "RESERVATION_ANNULLED" : "RESERVATION_ENDED" };
    if (mark.status === "EXPIRED" || mark.untilDate < today) return { valid: false, reason: "RESERVATION_ENDED" };
  }
  if (document.validUntil < today) return { valid: false, reason: "EXPIRED" };
  if (currentHash === null || currentHash !== document.snapshotHash) return { valid: false, reason: "DATA_CHANGED" };
  return { valid: true };
}
