import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import {
  applyRulesetChanges,
  diffRulesets,
  ZRuleset,
  type IsoDate,
  type Ruleset,
  type RulesetDiffEntry,
} from "@/lib/rules";
import { rulesetError } from "./errors";
import { readStoredVersions, type StoredVersion } from "./ruleset-store";
import type { RulesetDraft } from "./schemas";

// What a draft would be: the current (latest) version with the changes applied, checked by the
// same schema as every version, dated after today and after the version it follows. Nothing is
// written. A version already in force is never edited; the latest one, not yet in force, may be
// replaced by a draft that names it in `replaces`.

export type AssessedDraft = {
  current: StoredVersion;
  replaced: StoredVersion | null;
  next: Ruleset;
  diff: RulesetDiffEntry[];
};

export async function assessRulesetDraft(
  ctx: { db: DbClient },
  input: { draft: RulesetDraft; today: IsoDate },
): Promise<AssessedDraft> {
  const tx = ctx.db;
  const { draft, today } = input;
  const versions = await readStoredVersions(tx);
  const current = versions.at(-1)!;
  let replaced: StoredVersion | null = null;
  if (draft.replaces) {
    const target = versions.find((v) => v.ruleset.version === draft.replaces);
    if (!target) throw rulesetError("RULESET_VERSION_NOT_FOUND", undefined, { details: { version: draft.replaces } });
    if (target.ruleset.effectiveFrom <= today) {
      throw rulesetError(
        "RULESET_VERSION_IN_EFFECT",
        `Версія правил ${target.ruleset.version} чинна з ${formatDate(target.ruleset.effectiveFrom)}: її не можна змінити, лише ухвалити наступну`,
        {
          details: { version: target.ruleset.version, effectiveFrom: target.ruleset.effectiveFrom },
        },
      );
    }
    if (target !== current) throw rulesetError("RULESET_DRAFT_STALE", "Замінити можна лише останню версію правил");
    replaced = target;
  }
  if (draft.basedOn !== current.ruleset.version)
    throw rulesetError("RULESET_DRAFT_STALE", undefined, { details: { current: current.ruleset.version } });

  if (draft.effectiveFrom <= today) {
    throw rulesetError(
      "RULESET_DATE_NOT_FUTURE",
      `Дата набрання чинності ${formatDate(draft.effectiveFrom)} уже настала: нова версія може діяти не раніше ніж з завтрашнього дня`,
      {
        fields: { effectiveFrom: "Оберіть дату, не ранішу за завтрашню" },
      },
    );
  }
  const predecessor = replaced ? versions.at(-2)! : current;
  if (draft.effectiveFrom <= predecessor.ruleset.effectiveFrom) {
    throw rulesetError(
      "RULESET_DATE_NOT_AFTER_CURRENT",
      `Дата набрання чинності має бути пізнішою за ${formatDate(predecessor.ruleset.effectiveFrom)} — дату версії ${predecessor.ruleset.version}`,
      {
        fields: { effectiveFrom: `Пізніше за ${formatDate(predecessor.ruleset.effectiveFrom)}` },
      },
    );
  }

  const taken = new Set((await tx.rulesetVersion.findMany({ select: { version: true } })).map((r) => r.version));
  let version = `me-${draft.effectiveFrom}`;
  for (let n = 2; taken.has(version); n++) version = `me-${draft.effectiveFrom}-${n}`;
  const candidate = applyRulesetChanges(
    current.ruleset,
    { version, effectiveFrom: draft.effectiveFrom, title: draft.title },
    draft.changes,
  );
  const parsed = ZRuleset.safeParse(candidate);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "changes"] ??= issue.message;
    throw new AppError("VALIDATION_FAILED", `Чернетка містить помилки: ${Object.values(fields).join("; ")}`, {
      fields,
    });
  }
  const next = parsed.data as Ruleset;
  const diff = diffRulesets(current.ruleset, next);
  if (diff.length === 0) throw rulesetError("RULESET_NO_CHANGES");
  return { current, replaced, next, diff };
}
