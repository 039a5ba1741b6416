import Link from "next/link";
import { DecisionActions } from "@/components/ministry/decision-actions";
import { DecisionHistory } from "@/components/ministry/decision-history";
import { DecisionStateBadge } from "@/components/ministry/decision-state-badge";
import { EnterpriseCard } from "@/components/ministry/enterprise-card";
import { Card, CardTitle } from "@/components/ui/card";
import { LimitBar } from "@/components/ui/limit-bar";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireOfficial } from "@/lib/auth/gate";
import { loadActingAuthority } from "@/lib/enterprises/acting-authority";
import { getDecision } from "@/lib/enterprises/get-decision";
import { formatDate, formatDateTime } from "@/lib/format";
import {
  LIMIT_CATEGORY_LABELS,
  criterionLabel,
  isCriterionCode,
  isSalaryExemptionCode,
  rulesetFor,
  salaryExemptionLabel,
} from "@/lib/rules";
import { orNotFound } from "../../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Рішення про критичність" };

const DONE: Record<string, string> = {
  granted: "Рішення підписано й внесено до Єдиного переліку. Керівника підприємства повідомлено.",
};

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const actor = await requireOfficial(`/ministry/decisions/${id}`);
  const detail = await orNotFound(getDecision(createCtx({ actor }), { decisionId: id }));
  const authority = await loadActingAuthority(createCtx({ actor }), { permission: "decisions.read" });
  const { decision, enterprise } = detail;
  const done = DONE[(await searchParams).done ?? ""];

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={
          <Link href="/ministry" className="link">
            ← Підприємства
          </Link>
        }
        title={decision.enterpriseName}
        subtitle={`Рішення № ${decision.number} від ${formatDate(decision.decidedOn)} · ${detail.authority.shortName}`}
        actions={
          <DecisionStateBadge
            state={decision.state}
            effectiveUntil={decision.effectiveUntil}
            validFrom={decision.validFrom}
          />
        }
      />
      {done ? (
        <Notice tone="success" testId="decision-done">
          {done}
        </Notice>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardTitle>Рішення</CardTitle>
          <dl className="grid gap-3 text-[15px]">
            <Fact label="Строк дії">
              з {formatDate(decision.validFrom)} до {formatDate(decision.effectiveUntil)}
              {decision.effectiveUntil !== decision.validUntil ? (
                <span className="block text-sm text-muted">
                  За рішенням — до {formatDate(decision.validUntil)}; скорочено Постановою КМУ № 692
                </span>
              ) : null}
            </Fact>
            <Fact label="Категорія ліміту">{LIMIT_CATEGORY_LABELS[decision.limitCategory]}</Fact>
            <Fact label="Критерії">
              <ul className="list-disc pl-5">
                {decision.criteria.map((c) => (
                  <li key={c}>{isCriterionCode(c) ? criterionLabel(c) : c}</li>
                ))}
              </ul>
            </Fact>
            {decision.salaryExemption ? (
              <Fact label="Звільнення від критерію зарплати">
                {isSalaryExemptionCode(decision.salaryExemption)
                  ? salaryExemptionLabel(decision.salaryExemption)
                  : decision.salaryExemption}
              </Fact>
            ) : null}
            {decision.revokedAt ? (
              <Fact label="Скасовано">
                {formatDateTime(decision.revokedAt)}: {decision.revocationReason}
              </Fact>
            ) : null}
          </dl>
          <div className="mt-5">
            <LimitBar
              reserved={detail.activeReservations}
              limit={decision.limitCount}
              base={decision.militaryLiableCount}
            />
            {decision.headcount !== null ? (
              <p className="mt-1 text-sm text-muted">
                Загальна чисельність працівників: {decision.headcount.toLocaleString("uk-UA")}
              </p>
            ) : null}
          </div>
        </Card>
        <Card>
          <CardTitle>Підприємство за реєстром</CardTitle>
          {enterprise ? (
            <EnterpriseCard enterprise={enterprise} />
          ) : (
            <Notice tone="warning">Підприємства з цим кодом більше немає в реєстрі.</Notice>
          )}
        </Card>
      </div>
      {/* Always rendered, so that the signer's result survives the refresh that follows it. */}
      <Card>
        <CardTitle>Дії з рішенням</CardTitle>
        <DecisionActions
          decision={{
            id: decision.id,
            state: decision.state,
            criteria: decision.criteria,
            salaryExemption: decision.salaryExemption,
            limitCategory: decision.limitCategory,
            militaryLiableCount: decision.militaryLiableCount,
            headcount: decision.headcount,
            limitCount: decision.limitCount,
            validFrom: decision.validFrom,
            validUntil: decision.validUntil,
            activeReservations: detail.activeReservations,
            today: detail.today,
            ruleset: rulesetFor(detail.today),
          }}
          officialRnokpp={actor.rnokpp ?? undefined}
          authorityEdrpou={authority.edrpou}
        />
      </Card>
      <Card>
        <CardTitle>Історія підписаних дій</CardTitle>
        <DecisionHistory events={detail.events} />
      </Card>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
