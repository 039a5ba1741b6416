import { isIsoDate, ZRulesetChanges } from "@/lib/rules";
import { z } from "@/lib/zod";

// A methodologist's draft: the changes to the current version, the date and the legal basis.
// One schema for the form, the server action and the domain.

const ZDay = z.string().refine(isIsoDate, "Вкажіть дату у форматі РРРР-ММ-ДД");

export const ZRulesetDraft = z
  .object({
    /** The version the draft was made from: a newer one in between makes the draft stale. */
    basedOn: z.string().min(1).max(64),
    /** A signed version not yet in force that this one replaces (its only way to be "edited"). */
    replaces: z.string().min(1).max(64).nullable().default(null),
    effectiveFrom: ZDay,
    title: z.string().trim().min(5, "Назва: щонайменше 5 символів").max(300, "Назва: не більше 300 символів"),
    legalBasis: z
      .object({
        act: z.string().trim().min(3, "Вкажіть вид акта").max(200),
        number: z.string().trim().min(1, "Вкажіть номер акта").max(50),
        date: ZDay,
      })
      .strict(),
    changes: ZRulesetChanges,
  })
  .strict();
export type RulesetDraft = z.infer<typeof ZRulesetDraft>;

export const ZSignRulesetVersion = z
  .object({
    draft: ZRulesetDraft,
    nonce: z.string().min(20).max(100),
    /** Base64 of the detached CMS signature. */
    signature: z.string().min(16).max(64_000),
  })
  .strict();
