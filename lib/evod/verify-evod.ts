import "server-only";
import type { Ctx } from "@/lib/context";
import { checkEvod, EVOD_SELECT } from "./check-evod";
import { isEvodCodeFormat } from "./code";
import { EVOD_INVALID_REASONS, type EvodInvalidReason } from "./evaluate-evod";
import { kyivDate } from "@/lib/format";

/** What anyone holding the QR code may learn: nothing that identifies the person on its own. */
export type EvodPublicVerdict =
  | { status: "UNKNOWN" }
  | {
      status: "VALID" | "INVALID";
      reason: EvodInvalidReason | null;
      reasonText: string | null;
      /** "К. А. С.": the initials of the surname, first name and patronymic. */
      initials: string;
      birthYear: number;
      /** The reservation's last day as the document shows it; null: "бронювання немає". Only for a valid document. */
      reservationUntil: string | null;
      issuedOn: string;
      validUntil: string;
    };

/**
 * The public check behind /verify/<code>. A malformed code and an unknown one get the same
 * answer, so the endpoint tells an enumerator nothing; the caller rate-limits by client.
 */
export async function verifyEvod(
  ctx: Ctx<"db" | "registry" | "now">,
  input: { code: string },
): Promise<EvodPublicVerdict> {
  if (!isEvodCodeFormat(input.code)) return { status: "UNKNOWN" };
  const stored = await ctx.db.eDocument.findUnique({ where: { code: input.code }, select: EVOD_SELECT });
  if (!stored) return { status: "UNKNOWN" };

  const checked = await checkEvod(ctx.registry, stored, kyivDate(ctx.now));
  const { person, reservation } = checked.snapshot;
  const valid = checked.verdict.valid;
  const reason = checked.verdict.valid ? null : checked.verdict.reason;
  return {
    status: valid ? "VALID" : "INVALID",
    reason,
    reasonText: reason ? EVOD_INVALID_REASONS[reason] : null,
    initials: [person.lastName, person.firstName, person.patronymic]
      .filter((part): part is string => !!part)
      .map((part) => `${part.charAt(0)}.`)
      .join(" "),
    birthYear: Number(person.birthDate.slice(0, 4)),
    reservationUntil: valid ? (reservation?.untilDate ?? null) : null,
    issuedOn: kyivDate(checked.issuedAt),
    validUntil: checked.validUntil,
  };
}
