"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { Notice } from "@/components/ui/notice";
import type { DecisionState } from "@/lib/enterprises/decision-state";
import { lastDayOfTerm } from "@/lib/rules";
import type { DecisionChange, DecisionChangeAction } from "@/lib/enterprises/schemas";
import { formatDate, formatNumber } from "@/lib/format";
import { limitRuleFor, type LimitCategory, type Ruleset, type SalaryExemptionCode } from "@/lib/rules";
import { CriteriaPicker } from "./criteria-picker";
import { LimitPicker, limitOf, type LimitValues } from "./limit-picker";

export type DecisionFacts = {
  id: string;
  state: DecisionState;
  criteria: string[];
  salaryExemption: string | null;
  limitCategory: LimitCategory;
  militaryLiableCount: number;
  headcount: number | null;
  limitCount: number;
  validFrom: string;
  validUntil: string;
  activeReservations: number;
  today: string;
  /** The rules in force today as the server has them (the signed version from the database). */
  ruleset: Ruleset;
};

type PrepareResult = { fields?: Record<string, string>; message?: string };

/** The form of one act: what changes, and the reason every act must state. */
export function ChangeForm({
  action,
  decision,
  onPrepare,
}: {
  action: DecisionChangeAction;
  decision: DecisionFacts;
  onPrepare: (change: DecisionChange) => Promise<PrepareResult>;
}) {
  const ruleset = decision.ruleset;
  const [reason, setReason] = useState("");
  const [criteria, setCriteria] = useState(decision.criteria);
  const [exemption, setExemption] = useState<string | null>(decision.salaryExemption);
  const latest = lastDayOfTerm(decision.validFrom > decision.today ? decision.validFrom : decision.today);
  const [validUntil, setValidUntil] = useState(latest);
  const [limit, setLimit] = useState<LimitValues>({
    category: decision.limitCategory,
    militaryLiable: String(decision.militaryLiableCount),
    headcount: decision.headcount === null ? "" : String(decision.headcount),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const newLimit = action === "CHANGE_LIMIT" ? limitOf(limit, ruleset).count : null;
  const excess = newLimit !== null ? Math.max(0, decision.activeReservations - newLimit) : 0;

  function change(): DecisionChange {
    switch (action) {
      case "CONFIRM":
        return { action, criteria, salaryExemption: exemption, reason };
      case "EXTEND":
        return { action, validUntil, reason };
      case "CHANGE_LIMIT": {
        const headcount =
          limitRuleFor(limit.category, ruleset).base === "HEADCOUNT" && limit.headcount !== ""
            ? Number(limit.headcount)
            : null;
        return {
          action,
          limitCategory: limit.category,
          militaryLiableCount: limit.militaryLiable === "" ? -1 : Number(limit.militaryLiable),
          headcount,
          reason,
        };
      }
      case "REVOKE":
        return { action, reason };
    }
  }

  async function submit() {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await onPrepare(change());
    setBusy(false);
    setErrors(result.fields ?? {});
    if (result.message) setMessage(result.message);
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
      data-testid={`change-form-${action}`}
    >
      {action === "CONFIRM" ? (
        <CriteriaPicker
          criteria={criteria}
          onCriteria={setCriteria}
          exemption={exemption}
          onExemption={setExemption}
          impliedExemption={null as SalaryExemptionCode | null}
          ruleset={ruleset}
          limitCategory={decision.limitCategory}
          serverError={errors["change.criteria"] ?? errors.criteria}
        />
      ) : null}
      {action === "EXTEND" ? (
        <Field
          label="Нова дата закінчення (включно)"
          htmlFor="ext-until"
          error={errors["change.validUntil"] ?? errors.validUntil}
          hint={`Зараз діє до ${formatDate(decision.validUntil)}; не пізніше ${formatDate(latest)} (12 місяців)`}
        >
          <DateInput
            id="ext-until"
            invalid={Boolean(errors["change.validUntil"] ?? errors.validUntil)}
            value={validUntil}
            max={latest}
            onChange={setValidUntil}
          />
        </Field>
      ) : null}
      {action === "CHANGE_LIMIT" ? (
        <>
          <LimitPicker values={limit} onChange={setLimit} ruleset={ruleset} registryCounts={null} errors={errors} />
          {excess > 0 ? (
            <Notice tone="warning">
              Чинних бронювань {formatNumber(decision.activeReservations)}, а новий ліміт —{" "}
              {formatNumber(newLimit ?? 0)}: {formatNumber(excess)} понад ліміт буде анульовано щоденною автоматичною
              перевіркою (найновіші першими).
            </Notice>
          ) : null}
        </>
      ) : null}
      {action === "REVOKE" ? (
        <Notice tone="warning">
          Скасування анулює всі чинні бронювання підприємства ({formatNumber(decision.activeReservations)} на момент
          відкриття сторінки; точну кількість покажемо перед підписом).
        </Notice>
      ) : null}
      <Field
        label="Підстава (обов'язково)"
        htmlFor="reason"
        error={errors["change.reason"] ?? errors.reason}
        hint="Напр.: «За результатами перевірки від 10.11.2026, акт № 15»"
      >
        <Textarea
          id="reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={1000}
          required
        />
      </Field>
      {message ? (
        <Notice tone="error" testId="change-error">
          {message}
        </Notice>
      ) : null}
      <Button type="submit" disabled={busy} variant={action === "REVOKE" ? "danger" : "primary"}>
        {busy ? "Перевіряємо…" : "Сформувати документ для підпису"}
      </Button>
    </form>
  );
}
