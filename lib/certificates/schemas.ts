import { CERTIFICATE_KINDS } from "@/lib/rules/certificate-entitlement";
import { ZRnokpp } from "@/lib/identifiers/schemas";
import { z } from "@/lib/zod";

// The inputs of the certificates domain, shared by the forms, the actions and the functions.

export const ZRequestCertificateInput = z.object({ kind: z.enum(CERTIFICATE_KINDS, "Оберіть вид довідки") }).strict();

export const ZCertificateFile = z
  .object({ id: z.uuid("Некоректний ідентифікатор довідки"), part: z.enum(["pdf", "p7s"]) })
  .strict();

export const ZRequestId = z.object({ requestId: z.uuid("Некоректний ідентифікатор запиту") }).strict();

const ZReason = z
  .string()
  .trim()
  .min(10, "Поясніть причину відмови (щонайменше 10 символів)")
  .max(1000, "Причина — до 1000 символів");

const ZSigned = {
  nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Некоректний одноразовий код"),
  signature: z.base64("Підпис має бути в base64").max(64_000, "Файл підпису завеликий"),
};
const ZConfirm = z.object({ requestId: z.uuid(), decision: z.literal("CONFIRM") }).strict();
const ZRefuse = z.object({ requestId: z.uuid(), decision: z.literal("REFUSE"), reason: ZReason }).strict();

/** What the staff officer decides: confirm the unit's periods, or refuse with a reason. */
export const ZCertificateDecision = z.discriminatedUnion("decision", [ZConfirm, ZRefuse]);
export type CertificateDecision = z.infer<typeof ZCertificateDecision>;

/** The same decision with the КЕП signature over the prepared document and its nonce. */
export const ZSignedCertificateDecision = z.discriminatedUnion("decision", [
  ZConfirm.extend(ZSigned),
  ZRefuse.extend(ZSigned),
]);

const ZIsoDate = z.iso.date("Дата у форматі РРРР-ММ-ДД");

const ZCorrectionFields = z
  .object({
    rnokpp: ZRnokpp,
    periodId: z.uuid("Період служби не знайдено"),
    fromDate: ZIsoDate,
    untilDate: ZIsoDate.nullable(),
    position: z.string().trim().min(2, "Вкажіть посаду").max(200, "Посада — до 200 символів"),
    reason: z
      .string()
      .trim()
      .min(10, "Поясніть, що виправлено (щонайменше 10 символів)")
      .max(1000, "Причина — до 1000 символів"),
  })
  .strict();

const untilNotBeforeFrom = {
  check: (value: { fromDate: string; untilDate: string | null }) =>
    value.untilDate === null || value.untilDate >= value.fromDate,
  message: "Кінець періоду не може бути раніше за початок",
};

/** The unit corrects a period it reported (certificates stating the old facts are revoked). */
export const ZServicePeriodCorrection = ZCorrectionFields.refine(untilNotBeforeFrom.check, {
  message: untilNotBeforeFrom.message,
  path: ["untilDate"],
});
export type ServicePeriodCorrection = z.infer<typeof ZServicePeriodCorrection>;

/** The same correction with the КЕП signature over the previewed document and its nonce. */
export const ZSignedServicePeriodCorrection = ZCorrectionFields.extend(ZSigned).refine(untilNotBeforeFrom.check, {
  message: untilNotBeforeFrom.message,
  path: ["untilDate"],
});

/** The staff officer's list of the unit's periods: the beginning of a surname; anything odd is dropped. */
export const ZUnitServicePeriodsQuery = z.object({
  surname: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\p{L}'’ -]*$/u)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
});
