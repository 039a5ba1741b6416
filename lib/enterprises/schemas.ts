// Input schemas of the ministry cabinet: the decision form, the signed acts on a decision, the
// list's query. Browser-safe (zod, identifiers, rules only): the forms reuse them.
import { ZEdrpou } from "@/lib/identifiers";
import { LIMIT_CATEGORIES, isIsoDate } from "@/lib/rules";
import { z } from "@/lib/zod";
import { DECISION_STATES } from "./decision-state";

export const ZIsoDateInput = z.string().trim().refine(isIsoDate, "Вкажіть дату");
const ZCount = (label: string) =>
  z
    .number({ error: `${label}: вкажіть число` })
    .int(`${label}: потрібне ціле число`)
    .min(0, `${label}: не може бути від'ємною`)
    .max(10_000_000, `${label}: завелике число`);

export const ZDecisionNumber = z
  .string()
  .trim()
  .min(1, "Вкажіть номер рішення")
  .max(50, "Номер рішення — не довше 50 символів");
export const ZCriteriaCodes = z.array(z.string().max(40)).max(20);
export const ZSalaryExemption = z.string().max(40).nullable();
export const ZReason = z
  .string()
  .trim()
  .min(5, "Зазначте підставу (щонайменше 5 символів)")
  .max(1000, "Підстава — не довше 1000 символів");
export const ZLimitCategory = z.enum(LIMIT_CATEGORIES, { error: "Оберіть категорію ліміту" });

/** What the official enters for a new decision; the ЄДРПОУ is checked digit by digit. */
export const ZNewDecision = z
  .object({
    edrpou: ZEdrpou,
    number: ZDecisionNumber,
    decidedOn: ZIsoDateInput,
    criteria: ZCriteriaCodes,
    salaryExemption: ZSalaryExemption,
    limitCategory: ZLimitCategory,
    militaryLiableCount: ZCount("Кількість військовозобов'язаних"),
    headcount: ZCount("Загальна чисельність").nullable(),
    validFrom: ZIsoDateInput,
    validUntil: ZIsoDateInput,
  })
  .strict();
export type NewDecisionInput = z.output<typeof ZNewDecision>;

/** A nonce the server issued (32 random bytes, base64url) and a detached .p7s in base64. */
export const ZSignedPart = {
  nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Некоректний одноразовий код: сформуйте документ знову"),
  signature: z
    .string()
    .min(16, "Порожній підпис")
    .max(200_000, "Завеликий підпис")
    .regex(/^[A-Za-z0-9+/]+=*$/, "Підпис має бути в base64"),
};

export const ZGrantDecision = z.object({ decision: ZNewDecision, ...ZSignedPart }).strict();

export const ZDecisionChange = z.discriminatedUnion("action", [
  z
    .object({
      action: z.literal("CONFIRM"),
      criteria: ZCriteriaCodes,
      salaryExemption: ZSalaryExemption,
      reason: ZReason,
    })
    .strict(),
  z.object({ action: z.literal("EXTEND"), validUntil: ZIsoDateInput, reason: ZReason }).strict(),
  z
    .object({
      action: z.literal("CHANGE_LIMIT"),
      limitCategory: ZLimitCategory,
      militaryLiableCount: ZCount("Кількість військовозобов'язаних"),
      headcount: ZCount("Загальна чисельність").nullable(),
      reason: ZReason,
    })
    .strict(),
  z.object({ action: z.literal("REVOKE"), reason: ZReason }).strict(),
]);
export type DecisionChange = z.output<typeof ZDecisionChange>;
export type DecisionChangeAction = DecisionChange["action"];

export const ZPrepareDecisionChange = z
  .object({ decisionId: z.uuid("Некоректний ідентифікатор рішення"), change: ZDecisionChange })
  .strict();
export const ZApplyDecisionChange = z
  .object({ decisionId: z.uuid("Некоректний ідентифікатор рішення"), change: ZDecisionChange, ...ZSignedPart })
  .strict();

export const DECISION_SORTS = ["name", "edrpou", "decidedOn", "validUntil", "usage", "reserved"] as const;
export type DecisionSortKey = (typeof DECISION_SORTS)[number];

/** The list's query string: a value that makes no sense is dropped, not refused. */
export const ZDecisionListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(DECISION_STATES).optional().catch(undefined),
  category: ZLimitCategory.optional().catch(undefined),
  region: z.string().trim().min(1).max(100).optional().catch(undefined),
  sort: z.enum(DECISION_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type DecisionListQuery = z.output<typeof ZDecisionListQuery>;
