import { NewDecisionForm } from "@/components/ministry/new-decision-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireOfficial } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { loadActingAuthority } from "@/lib/enterprises/acting-authority";
import { kvedSectionLabel, isKvedSectionCode } from "@/lib/enterprises/kved-sections";
import { kyivDate } from "@/lib/format";
import { installedRulesets } from "@/lib/rules";

export const metadata = { title: "Нове рішення" };

export default async function Page() {
  const actor = await requireOfficial("/ministry/decisions/new");
  const authority = await loadActingAuthority(createCtx({ actor }), { permission: "decisions.read" });
  const competence = authority.region
    ? `підприємства регіону «${authority.region}»`
    : authority.kvedSections.length > 0
      ? `підприємства секцій КВЕД ${authority.kvedSections.map((s) => (isKvedSectionCode(s) ? `${s} (${kvedSectionLabel(s)})` : s)).join("; ")}`
      : "підприємства будь-якої галузі";
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <PageHeader
        eyebrow={authority.shortName}
        title="Рішення про визнання підприємства критично важливим"
        subtitle={`Ваш орган ухвалює рішення щодо: ${competence}.`}
      />
      <NewDecisionForm
        today={kyivDate(new Date())}
        rulesets={installedRulesets()}
        officialRnokpp={actor.rnokpp ?? undefined}
        authorityEdrpou={authority.edrpou}
      />
    </div>
  );
}
