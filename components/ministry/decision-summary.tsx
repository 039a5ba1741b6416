import type { DecisionRecord } from "@/lib/enterprises/decision-documents";
import { formatDate, formatNumber } from "@/lib/format";
import {
  LIMIT_CATEGORY_LABELS,
  criterionLabel,
  isCriterionCode,
  isSalaryExemptionCode,
  salaryExemptionLabel,
  type LimitCategory,
} from "@/lib/rules";

/** What the official signs, in words, above the key picker. */
export function DecisionSummary({ decision }: { decision: DecisionRecord }) {
  return (
    <div className="space-y-2" data-testid="decision-summary">
      <p>
        Визнати <strong>{decision.enterpriseName}</strong> (ЄДРПОУ {decision.edrpou}) критично важливим: рішення №{" "}
        {decision.number} від {formatDate(decision.decidedOn)}.
      </p>
      <p>
        Діє з {formatDate(decision.validFrom)} до {formatDate(decision.effectiveUntil)}
        {decision.effectiveUntil !== decision.validUntil
          ? ` (зазначено до ${formatDate(decision.validUntil)}, скорочено Постановою № 692)`
          : ""}
        .
      </p>
      <p>
        Ліміт: <strong>{formatNumber(decision.limitCount)}</strong> осіб —{" "}
        {LIMIT_CATEGORY_LABELS[decision.limitCategory as LimitCategory]}; військовозобов&apos;язаних{" "}
        {formatNumber(decision.militaryLiableCount)}
        {decision.headcount !== null ? `, загальна чисельність ${formatNumber(decision.headcount)}` : ""}.
      </p>
      <div>
        Критерії:
        <ul className="list-disc pl-5">
          {decision.criteria.map((c) => (
            <li key={c}>{isCriterionCode(c) ? criterionLabel(c) : c}</li>
          ))}
          {decision.salaryExemption && isSalaryExemptionCode(decision.salaryExemption) ? (
            <li>Звільнення від критерію заробітної плати: {salaryExemptionLabel(decision.salaryExemption)}</li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}
