import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { diffLabel, diffValue } from "@/components/methodology/diff-labels";
import { requireMethodologist } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { formatDate, formatMoney } from "@/lib/format";
import { listRulesetVersions } from "@/lib/rulesets/list-ruleset-versions";
import { orForbidden } from "./_lib/or-forbidden";

export const metadata = { title: "Версії правил бронювання" };

const STATE = {
  IN_FORCE: ["success", "Чинна"],
  SCHEDULED: ["pending", "Набере чинності"],
  PAST: ["neutral", "Минула"],
} as const;

export default async function Page({ searchParams }: { searchParams: Promise<{ signed?: string }> }) {
  const actor = await requireMethodologist("/methodology");
  const { signed } = await searchParams;
  const { versions } = await orForbidden(listRulesetVersions(createCtx({ actor })));
  return (
    <div className="mx-auto max-w-5xl space-y-5 [overflow-wrap:anywhere]">
      <PageHeader
        title="Версії правил бронювання"
        subtitle="Кожна версія діє з 00:00 за київським часом дати набрання чинності; кожне рішення зберігає версію, за якою його ухвалено."
        actions={<ButtonLink href="/methodology/new">Нова версія</ButtonLink>}
      />
      {signed ? (
        <Notice tone="success" testId="signed-notice">
          Версію {signed} підписано. Усі процеси порталу застосують її з дати набрання чинності.
        </Notice>
      ) : null}
      {versions.map((v) => (
        <Card key={v.ruleset.version} data-testid={`version-${v.ruleset.version}`}>
          <CardTitle action={<Badge tone={STATE[v.state][0]}>{STATE[v.state][1]}</Badge>}>
            {v.ruleset.version} — з {formatDate(v.ruleset.effectiveFrom)}
          </CardTitle>
          <p className="text-sm">{v.ruleset.title}</p>
          <p className="mt-1 text-sm text-muted">
            Підстава: {v.legalBasis.act} № {v.legalBasis.number} від {formatDate(v.legalBasis.date)} ·{" "}
            {v.source === "signed" ? `підписав(-ла) ${v.signerName ?? "—"} (КЕП)` : "версія з коду порталу"} · поріг{" "}
            {formatMoney(v.ruleset.salary.general.threshold)}
          </p>
          {v.diff.length > 0 ? (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {v.diff.map((d) => (
                <li key={d.path}>
                  {diffLabel(d.path)}: {diffValue(d.path, d.before)} → {diffValue(d.path, d.after)}
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
