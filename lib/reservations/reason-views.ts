import {
  annulmentRefusalMessage,
  reasonMessage,
  REASON_CODES,
  REASON_LABELS,
  type AnnulmentRefusal,
  type Reason,
  type ReasonCode,
} from "@/lib/rules";
import { z } from "@/lib/zod";
import { reservationError } from "./errors";
import type { ReasonView } from "./types";

// Codes with their Ukrainian sentences. Stored reasons carry their parameters (reasonDetails),
// so a page renders today exactly the words the decision meant, figures included.

export function reasonViews(reasons: readonly Reason[]): ReasonView[] {
  return reasons.map((reason) => ({ code: reason.code, message: reasonMessage(reason) }));
}

export function annulmentRefusalViews(refusals: readonly AnnulmentRefusal[]): ReasonView[] {
  return refusals.map((refusal) => ({ code: refusal.code, message: annulmentRefusalMessage(refusal) }));
}

/** An application item's `reasonDetails` column as the decision writes it (decide-*-request.ts). */
export const ZStoredReasonDetails = z
  .object({
    reasons: z.array(z.object({ code: z.string(), params: z.unknown().optional() })).optional(),
    extension: z.boolean().optional(),
    exception45: z.boolean().optional(),
  })
  .nullable();
export type StoredReasonDetails = z.infer<typeof ZStoredReasonDetails>;

/** The stored details, checked; APPLICATION_DATA_CORRUPT when the row is not what a decision writes. */
export function parseReasonDetails(value: unknown): StoredReasonDetails {
  const parsed = ZStoredReasonDetails.safeParse(value ?? null);
  if (!parsed.success) throw reservationError("APPLICATION_DATA_CORRUPT");
  return parsed.data;
}

/** A stored reason (code + parameters) back to words; a code without parameters gets its label. */
export function storedReasonView(stored: { code: string; params?: unknown }): ReasonView {
  if (stored.code === "NOT_RESERVED_HERE")
    return { code: stored.code, message: annulmentRefusalMessage({ code: "NOT_RESERVED_HERE", params: {} }) };
  if (!isReasonCode(stored.code)) return { code: stored.code, message: stored.code };
  if (stored.params && typeof stored.params === "object") {
    try {
      return { code: stored.code, message: reasonMessage({ code: stored.code, params: stored.params } as Reason) };
    } catch {
      // Parameters from an older ruleset that the message no longer reads: fall back to the label.
    }
  }
  return { code: stored.code, message: REASON_LABELS[stored.code] };
}

function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(code);
}
