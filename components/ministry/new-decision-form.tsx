"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { Notice } from "@/components/ui/notice";
import { grantDecisionAction, lookupEnterpriseAction, prepareGrantAction } from "@/app/ministry/decisions/new/actions";
import type { DecisionRecord } from "@/lib/enterprises/decision-documents";
import { checkDecisionTerms, lastDayOfTerm } from "@/lib/rules";
import { formatDate } from "@/lib/format";
import { checkEdrpou } from "@/lib/identifiers";
import {
  checkDecisionCriteria,
  isIsoDate,
  limitRuleFor,
  rulesetAmong,
  type Ruleset,
  type SalaryExemptionCode,
} from "@/lib/rules";
import { CriteriaPicker } from "./criteria-picker";
import { DecisionSummary } from "./decision-summary";
import { EnterpriseLookupPanel, type LookupState } from "./enterprise-lookup-panel";
import { LimitPicker, limitOf, type LimitValues } from "./limit-picker";

type Prepared = { document: string; nonce: string; decision: DecisionRecord; input: Record<string, unknown> };

/**
 * The new decision, in the order an official works: the enterprise (as the register knows it),
 * the criteria, the limit, the term and number; every rule is checked as it is entered with the
 * same pure functions the server runs again. Then the exact document is prepared and signed.
 */
export function NewDecisionForm({
  today,
  rulesets,
  officialRnokpp,
  authorityEdrpou,
}: {
  today: string;
  rulesets: readonly Ruleset[];
  officialRnokpp?: string;
  authorityEdrpou: string;
}) {
  const router = useRouter();
  const [edrpou, setEdrpou] = useState("");
  const [lookup, setLookup] = useState<LookupState>({ status: "idle" });
  const [number, setNumber] = useState("");
  const [decidedOn, setDecidedOn] = useState(today);
  const [criteria, setCriteria] = useState<string[]>([]);
  const [exemption, setExemption] = useState<string | null>(null);
  const [limit, setLimit] = useState<LimitValues>({ category: "DEFAULT_50", militaryLiable: "", headcount: "" });
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState(lastDayOfTerm(today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [blocking, setBlocking] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [busy, setBusy] = useState(false);
  const requestSeq = useRef(0);

  const edrpouCheck = checkEdrpou(edrpou);
  // The server's versions (the signed ones in the database), not the browser's copy of the code's.
  const todayRules = rulesetAmong(rulesets, today);
  const rules =
    isIsoDate(decidedOn) && decidedOn >= "2024-12-01" && decidedOn <= today
      ? rulesetAmong(rulesets, decidedOn)
      : todayRules;
  const terms = checkDecisionTerms({ decidedOn, validFrom, validUntil, today, ruleset: todayRules });
  const found = lookup.status === "done" && lookup.data.found ? lookup.data : null;

  useEffect(() => {
    const seq = ++requestSeq.current;
    if (!edrpouCheck.valid) {
      setLookup({ status: "idle" });
      return;
    }
    setLookup({ status: "loading" });
    lookupEnterpriseAction({ edrpou: edrpouCheck.value }).then((result) => {
      if (seq !== requestSeq.current) return;
      if (!result.ok) return setLookup({ status: "error", message: result.error.message });
      setLookup({ status: "done", data: result.data });
      if (result.data.found) {
        setLimit((current) => ({
          ...current,
          militaryLiable: String(result.data.found ? result.data.counts.militaryLiable : ""),
          headcount: String(result.data.found ? result.data.counts.headcount : ""),
        }));
        setExemption(result.data.impliedExemption);
      }
    });
  }, [edrpouCheck.valid, edrpou]); // eslint-disable-line react-hooks/exhaustive-deps

  function buildInput() {
    const headcountCounts = limitRuleFor(limit.category, rules).base === "HEADCOUNT";
    return {
      edrpou: edrpou.trim(),
      number: number.trim(),
      decidedOn,
      criteria,
      salaryExemption: exemption,
      limitCategory: limit.category,
      militaryLiableCount: limit.militaryLiable === "" ? -1 : Number(limit.militaryLiable),
      headcount: headcountCounts && limit.headcount !== "" ? Number(limit.headcount) : null,
      validFrom,
      validUntil,
    };
  }

  function clientProblems(): string[] {
    const problems: string[] = [];
    if (!edrpouCheck.valid) problems.push(edrpouCheck.message);
    else if (!found) problems.push("Підприємство не знайдено в реєстрі");
    else if (found.outsideCompetence) problems.push(found.outsideCompetence);
    else if (found.activeDecision) problems.push("Підприємство вже має чинне рішення");
    const check = checkDecisionCriteria({
      criteria,
      salaryExemption: exemption,
      ruleset: rules,
      limitCategory: limit.category,
    });
    if (!check.ok) problems.push(...check.problems.map((p) => p.message));
    const limitResult = limitOf(limit, rules);
    if (limitResult.count === null) problems.push(limitResult.error ?? "Вкажіть кількість військовозобов'язаних");
    problems.push(...Object.values(terms.problems));
    if (!number.trim()) problems.push("Вкажіть номер рішення");
    return problems;
  }

  async function prepare() {
    setErrors({});
    const problems = clientProblems();
    setBlocking(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const input = buildInput();
    const result = await prepareGrantAction(input);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setBlocking([result.error.message]);
      return;
    }
    setPrepared({ ...result.data, input });
  }

  if (prepared) {
    return (
      <Card>
        <CardTitle>Підписання рішення</CardTitle>
        <KepSigner
          document={prepared.document}
          summary={<DecisionSummary decision={prepared.decision} />}
          expectedRnokpp={officialRnokpp}
          expectedEdrpou={authorityEdrpou}
          submitLabel="Підписати й ухвалити"
          onCancel={() => setPrepared(null)}
          onSigned={async ({ signature }) => {
            const result = await grantDecisionAction({ decision: prepared.input, nonce: prepared.nonce, signature });
            if (!result.ok) return { ok: false, message: result.error.message };
            router.push(`/ministry/decisions/${result.data.decisionId}?done=granted`);
            return { ok: true };
          }}
        />
      </Card>
    );
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void prepare();
      }}
      noValidate
    >
      <Card>
        <CardTitle>Крок 1 з 4. Підприємство</CardTitle>
        <Field
          label="Код ЄДРПОУ"
          htmlFor="edrpou"
          error={errors.edrpou ?? (edrpou.length >= 8 && !edrpouCheck.valid ? edrpouCheck.message : undefined)}
          hint="8 цифр; перевіряємо контрольну цифру під час введення"
        >
          <Input
            id="edrpou"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={edrpou}
            invalid={edrpou.length >= 8 && !edrpouCheck.valid}
            onChange={(event) => setEdrpou(event.target.value.replace(/\D/g, ""))}
          />
        </Field>
        <div className="mt-4">
          <EnterpriseLookupPanel lookup={lookup} />
        </div>
      </Card>
      <Card>
        <CardTitle>Крок 2 з 4. Критерії критичності</CardTitle>
        <CriteriaPicker
          criteria={criteria}
          onCriteria={setCriteria}
          exemption={exemption}
          onExemption={setExemption}
          impliedExemption={(found?.impliedExemption ?? null) as SalaryExemptionCode | null}
          ruleset={rules}
          limitCategory={limit.category}
          serverError={errors.criteria ?? errors.salaryExemption}
        />
      </Card>
      <Card>
        <CardTitle>Крок 3 з 4. Ліміт бронювання</CardTitle>
        <LimitPicker
          values={limit}
          onChange={setLimit}
          ruleset={rules}
          registryCounts={found?.counts ?? null}
          errors={errors}
        />
      </Card>
      <Card>
        <CardTitle>Крок 4 з 4. Реквізити та строк дії</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Номер рішення" htmlFor="number" error={errors.number}>
            <Input
              id="number"
              value={number}
              invalid={!!errors.number}
              onChange={(event) => setNumber(event.target.value)}
              maxLength={50}
            />
          </Field>
          <Field label="Дата рішення" htmlFor="decidedOn" error={errors.decidedOn ?? terms.problems.decidedOn}>
            <DateInput
              id="decidedOn"
              invalid={Boolean(errors.decidedOn ?? terms.problems.decidedOn)}
              value={decidedOn}
              max={today}
              onChange={setDecidedOn}
            />
          </Field>
          <Field label="Діє з" htmlFor="validFrom" error={errors.validFrom ?? terms.problems.validFrom}>
            <DateInput
              id="validFrom"
              invalid={Boolean(errors.validFrom ?? terms.problems.validFrom)}
              value={validFrom}
              onChange={setValidFrom}
            />
          </Field>
          <Field
            label="Діє до (включно)"
            htmlFor="validUntil"
            error={errors.validUntil ?? terms.problems.validUntil}
            hint={terms.latestUntil ? `Не пізніше ${formatDate(terms.latestUntil)} (12 місяців)` : undefined}
          >
            <DateInput
              id="validUntil"
              invalid={Boolean(errors.validUntil ?? terms.problems.validUntil)}
              value={validUntil}
              max={terms.latestUntil ?? undefined}
              onChange={setValidUntil}
            />
          </Field>
        </div>
        {terms.cap && terms.effectiveUntil ? (
          <Notice tone="warning" className="mt-4">
            {terms.cap.basis}: рішення, ухвалене до {formatDate(terms.cap.decidedBefore)}, діятиме лише до{" "}
            {formatDate(terms.effectiveUntil)}.
          </Notice>
        ) : null}
      </Card>
      {blocking.length > 0 ? (
        <Notice tone="error" title="Рішення ще не можна підписати" testId="form-problems">
          <ul className="list-disc space-y-1 pl-5">
            {blocking.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Перевіряємо…" : "Перевірити й перейти до підпису"}
        </Button>
      </div>
    </form>
  );
}
