import { RulesetDraftForm } from "@/components/methodology/ruleset-draft-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireMethodologist } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { kyivDate } from "@/lib/format";
import { listRulesetVersions } from "@/lib/rulesets/list-ruleset-versions";
import { loadMethodologist } from "@/lib/rulesets/load-methodologist";
import { orForbidden } from "../_lib/or-forbidden";

export const metadata = { title: "Нова версія правил" };

export default async function Page() {
  const actor = await requireMethodologist("/methodology/new");
  const ctx = createCtx({ actor });
  const { authority } = await orForbidden(loadMethodologist(ctx, { permission: "rulesets.draft" }));
  const { versions } = await orForbidden(listRulesetVersions(ctx));
  const current = versions[0]!.ruleset;
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <PageHeader
        eyebrow={authority.name}
        title="Нова версія правил бронювання"
        subtitle={`Чернетка — зміна останньої версії ${current.version} (з ${current.effectiveFrom}). Чинну версію змінити не можна: лише ухвалити наступну.`}
      />
      <RulesetDraftForm
        current={current}
        today={kyivDate(ctx.now)}
        signerRnokpp={actor.rnokpp ?? undefined}
        authorityEdrpou={authority.edrpou}
      />
    </div>
  );
}
