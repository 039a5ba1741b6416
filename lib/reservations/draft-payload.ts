import "server-only";
import type { ApplicationKind } from "@/lib/db/client";
import { z } from "@/lib/zod";
import { reservationError } from "./errors";
import type { AnnulmentPrecheckItem, LimitFigures, PrecheckItem } from "./types";

// The two JSON columns of a draft, one schema each: `payload` (what becomes the application's
// items on signing) and `precheck` (what the pre-check said, for the signing screen). The
// writers (create-*-draft.ts) build them through these types and every reader parses the row
// with them, so a row edited or cut short in the database is refused with DRAFT_CORRUPT
// instead of turning into an application with missing people or a screen that throws.

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZReasonView = z.object({ code: z.string(), message: z.string() });

const ZReservationPayloadEmployee = z.object({
  rnokpp: z.string(),
  fullName: z.string().nullable(),
  salary: z.number().int().nullable(),
});
const ZAnnulmentPayloadEmployee = z.object({
  rnokpp: z.string(),
  fullName: z.string().nullable(),
  reservedUntil: ZIsoDate.nullable(),
});

export const ZReservationDraftPayload = z.object({
  employees: z.array(ZReservationPayloadEmployee),
  decisionId: z.string().nullable(),
});
export const ZAnnulmentDraftPayload = z.object({
  employees: z.array(ZAnnulmentPayloadEmployee),
  ground: z.string().min(1),
});

export type ReservationDraftPayload = z.infer<typeof ZReservationDraftPayload>;
export type AnnulmentDraftPayload = z.infer<typeof ZAnnulmentDraftPayload>;
export type DraftPayload =
  (ReservationDraftPayload & { kind: "RESERVATION" }) | (AnnulmentDraftPayload & { kind: "ANNULMENT" });

const ZLimitFigures = z.object({
  total: z.number().int(),
  used: z.number().int(),
  available: z.number().int(),
}) satisfies z.ZodType<LimitFigures>;

const ZPrecheckItem = z.object({
  position: z.number().int().min(1),
  rnokpp: z.string(),
  fullName: z.string().nullable(),
  salary: z.number().int().nullable(),
  eligible: z.boolean(),
  reasons: z.array(ZReasonView),
  reservedFrom: ZIsoDate.nullable(),
  reservedUntil: ZIsoDate.nullable(),
  extension: z.boolean(),
  exception45: z.boolean(),
}) satisfies z.ZodType<PrecheckItem>;

const ZAnnulmentPrecheckItem = z.object({
  position: z.number().int().min(1),
  rnokpp: z.string(),
  fullName: z.string().nullable(),
  annul: z.boolean(),
  reasons: z.array(ZReasonView),
  reservedUntil: ZIsoDate.nullable(),
}) satisfies z.ZodType<AnnulmentPrecheckItem>;

export const ZReservationPrecheck = z.object({
  date: ZIsoDate,
  rulesetVersion: z.string(),
  limit: ZLimitFigures,
  items: z.array(ZPrecheckItem),
});
export const ZAnnulmentPrecheck = z.object({
  date: ZIsoDate,
  rulesetVersion: z.string(),
  ground: z.string().min(1),
  items: z.array(ZAnnulmentPrecheckItem),
});

export type ReservationPrecheck = z.infer<typeof ZReservationPrecheck>;
export type AnnulmentPrecheck = z.infer<typeof ZAnnulmentPrecheck>;
export type DraftPrecheck =
  (ReservationPrecheck & { kind: "RESERVATION" }) | (AnnulmentPrecheck & { kind: "ANNULMENT" });

/** A draft's stored payload, checked; DRAFT_CORRUPT when the row does not match its kind. */
export function parseDraftPayload(kind: ApplicationKind, value: unknown): DraftPayload {
  if (kind === "RESERVATION") return { kind, ...parseStored(ZReservationDraftPayload, value) };
  return { kind, ...parseStored(ZAnnulmentDraftPayload, value) };
}

/** A draft's stored pre-check, checked; DRAFT_CORRUPT when the row does not match its kind. */
export function parseDraftPrecheck(kind: ApplicationKind, value: unknown): DraftPrecheck {
  if (kind === "RESERVATION") return { kind, ...parseStored(ZReservationPrecheck, value) };
  return { kind, ...parseStored(ZAnnulmentPrecheck, value) };
}

function parseStored<T extends z.ZodType<object>>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw reservationError("DRAFT_CORRUPT");
  return parsed.data;
}
