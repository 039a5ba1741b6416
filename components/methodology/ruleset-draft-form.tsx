"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { prepareRulesetVersionAction, rulesetWhatIfAction, signRulesetVersionAction } from "@/app/methodology/new/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { Notice } from "@/components/ui/notice";
import { formatDate, formatMoney, kopiykasToDecimal, toKopiykas } from "@/lib/format";
import { LIMIT_CATEGORY_LABELS, addDays, limitCategoriesOf, type LimitCategory, type Ruleset, type RulesetChanges, type RulesetDiffEntry } from "@/lib/rules";
import type { RulesetWhatIf } from "@/lib/rulesets/compute-ruleset-what-if";
import { diffLabel, diffValue } from "./diff-labels";
import { WhatIfView } from "./what-if-view";

// A new version of the rules as a change of the current one: the methodologist edits the
// figures, reads the diff and the what-if over the registry, and signs with КЕП.

type Prepared = { input: DraftInput; document: string; nonce: string; diff: RulesetDiffEntry[]; version: string };
type DraftInput = {
  basedOn: string;
  replaces: string | null;
  effectiveFrom: string;
  title: string;
  legalBasis: { act: string; number: string; date: string };
  changes: RulesetChanges;
};

export function RulesetDraftForm({ current, today, signerRnokpp, authorityEdrpou }: { current: Ruleset; today: string; signerRnokpp?: string; authorityEdrpou?: string }) {
  const router = useRouter();
  const categories = limitCategoriesOf(current);
  const [effectiveFrom, setEffectiveFrom] = useState(addDays(today, 1));
  const [title, setTitle] = useState("");
  const [act, setAct] = useState("Постанова Кабінету Міністрів України");
  const [actNumber, setActNumber] = useState("");
  const [actDate, setActDate] = useState(today);
  const [wage, setWage] = useState(kopiykasToDecimal(current.salary.general.minimumWage));
  const [multiplier, setMultiplier] = useState(String(current.salary.general.multiplierPercent));
  const [frontlineMultiplier, setFrontlineMultiplier] = useState(String(current.salary.frontline.multiplierPercent));
  const [limits, setLimits] = useState<Record<string, string>>(Object.fromEntries(categories.map((c) => [c, String(current.limits[c]!.percent)])));
  const [spacing, setSpacing] = useState(current.annulmentSpacingDays === null ? "" : String(current.annulmentSpacingDays));
  const [maxTerm, setMaxTerm] = useState(String(current.maxTermMonths));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [whatIf, setWhatIf] = useState<RulesetWhatIf | null>(null);

  function draftInput(): DraftInput {
    const changes: RulesetChanges = {};
    const wageKop = safeKopiykas(wage);
    const general = { minimumWage: wageKop, multiplierPercent: Number(multiplier) };
    if (general.minimumWage !== current.salary.general.minimumWage || general.multiplierPercent !== current.salary.general.multiplierPercent) changes.salary = { general };
    const frontline = { minimumWage: wageKop, multiplierPercent: Number(frontlineMultiplier) };
    if (frontline.minimumWage !== current.salary.frontline.minimumWage || frontline.multiplierPercent !== current.salary.frontline.multiplierPercent) changes.salary = { ...changes.salary, frontline };
    const changedLimits: NonNullable<RulesetChanges["limits"]> = {};
    for (const c of categories) {
      const percent = Number(limits[c]);
      if (percent !== current.limits[c]!.percent) changedLimits[c] = { percent, base: current.limits[c]!.base };
    }
    if (Object.keys(changedLimits).length > 0) changes.limits = changedLimits;
    const spacingValue = spacing.trim() === "" ? null : Number(spacing);
    if (spacingValue !== current.annulmentSpacingDays) changes.annulmentSpacingDays = spacingValue;
    if (Number(maxTerm) !== current.maxTermMonths) changes.maxTermMonths = Number(maxTerm);
    return { basedOn: current.version, replaces: null, effectiveFrom, title, legalBasis: { act, number: actNumber, date: actDate }, changes };
  }

  async function review() {
    setBusy(true);
    setProblem(null);
    setErrors({});
    setWhatIf(null);
    try {
      const input = draftInput();
      const result = await prepareRulesetVersionAction(input);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setProblem(result.error.message);
        return;
      }
      setPrepared({ input, document: result.data.document, nonce: result.data.nonce, diff: result.data.diff, version: result.data.ruleset.version });
      const impact = await rulesetWhatIfAction(input);
      if (impact.ok) setWhatIf(impact.data);
      else setProblem(impact.error.message);
    } finally {
      setBusy(false);
    }
  }

  if (prepared) {
    return (
      <div className="space-y-5">
        <Card>
          <CardTitle>Що змінює версія {prepared.version} з {formatDate(prepared.input.effectiveFrom)}</CardTitle>
          <table className="w-full text-left text-sm" data-testid="ruleset-diff">
            <thead><tr><th className="py-1 pr-3">Правило</th><th className="py-1 pr-3">Було</th><th className="py-1 pr-3">Стане</th></tr></thead>
            <tbody>
              {prepared.diff.map((d) => (
                <tr key={d.path}><td className="py-1 pr-3">{diffLabel(d.path)}</td><td className="tabular pr-3">{diffValue(d.path, d.before)}</td><td className="tabular pr-3 font-medium">{diffValue(d.path, d.after)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card>
          <CardTitle>Наслідки для чинних бронювань</CardTitle>
          {whatIf ? <WhatIfView result={whatIf} /> : <p className="text-sm text-muted" aria-live="polite">Обчислюю наслідки за всім реєстром…</p>}
        </Card>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        <Card>
          <CardTitle>Підписання версії правил</CardTitle>
          <KepSigner
            document={prepared.document}
            summary={<p className="text-sm">Версія {prepared.version}: {prepared.input.title}. Набирає чинності {formatDate(prepared.input.effectiveFrom)} о 00:00 за київським часом.</p>}
            expectedRnokpp={signerRnokpp}
            expectedEdrpou={authorityEdrpou}
            submitLabel="Підписати версію правил"
            onCancel={() => setPrepared(null)}
            onSigned={async ({ signature }) => {
              const result = await signRulesetVersionAction({ draft: prepared.input, nonce: prepared.nonce, signature });
              if (!result.ok) return { ok: false, message: result.error.message };
              router.push(`/methodology?signed=${encodeURIComponent(result.data.version)}`);
              return { ok: true };
            }}
          />
        </Card>
      </div>
    );
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void review();
      }}
    >
      <Card>
        <CardTitle>Версія та підстава</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Набирає чинності (00:00 за київським часом)" htmlFor="effectiveFrom" error={errors.effectiveFrom}>
            <DateInput id="effectiveFrom" value={effectiveFrom} min={addDays(today, 1)} onChange={setEffectiveFrom} invalid={!!errors.effectiveFrom} />
          </Field>
          <Field label="Назва версії" htmlFor="title" error={errors.title}>
            <Input id="title" value={title} onChange={(e) => setTitle(e.target.value)} invalid={!!errors.title} />
          </Field>
          <Field label="Вид акта" htmlFor="act" error={errors["legalBasis.act"]}>
            <Input id="act" value={act} onChange={(e) => setAct(e.target.value)} />
          </Field>
          <Field label="Номер акта" htmlFor="actNumber" error={errors["legalBasis.number"]}>
            <Input id="actNumber" value={actNumber} onChange={(e) => setActNumber(e.target.value)} />
          </Field>
          <Field label="Дата акта" htmlFor="actDate" error={errors["legalBasis.date"]}>
            <DateInput id="actDate" value={actDate} onChange={setActDate} />
          </Field>
        </div>
      </Card>
      <Card>
        <CardTitle>Поріг заробітної плати (зараз {formatMoney(current.salary.general.threshold)}; прифронтові {formatMoney(current.salary.frontline.threshold)})</CardTitle>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Мінімальна заробітна плата, грн" htmlFor="wage" error={errors["salary.general.minimumWage"]}>
            <Input id="wage" inputMode="decimal" value={wage} onChange={(e) => setWage(e.target.value)} />
          </Field>
          <Field label="Кратність, % (300 = 3 мінімальні)" htmlFor="multiplier" error={errors["salary.general.multiplierPercent"] ?? errors["salary.general"]}>
            <Input id="multiplier" inputMode="numeric" value={multiplier} onChange={(e) => setMultiplier(e.target.value)} />
          </Field>
          <Field label="Кратність для прифронтових, %" htmlFor="frontlineMultiplier" error={errors["salary.frontline.multiplierPercent"]}>
            <Input id="frontlineMultiplier" inputMode="numeric" value={frontlineMultiplier} onChange={(e) => setFrontlineMultiplier(e.target.value)} />
          </Field>
        </div>
      </Card>
      <Card>
        <CardTitle>Ліміти бронювання, %</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          {categories.map((c: LimitCategory) => (
            <Field key={c} label={LIMIT_CATEGORY_LABELS[c]} htmlFor={`limit-${c}`} error={errors[`limits.${c}.percent`] ?? errors[`limits.${c}`]}>
              <Input id={`limit-${c}`} inputMode="numeric" value={limits[c] ?? ""} onChange={(e) => setLimits({ ...limits, [c]: e.target.value })} />
            </Field>
          ))}
        </div>
      </Card>
      <Card>
        <CardTitle>Строки</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Заява на анулювання не частіше ніж раз на, днів (порожньо — без обмеження)" htmlFor="spacing" error={errors.annulmentSpacingDays}>
            <Input id="spacing" inputMode="numeric" value={spacing} onChange={(e) => setSpacing(e.target.value)} />
          </Field>
          <Field label="Максимальний строк бронювання, місяців" htmlFor="maxTerm" error={errors.maxTermMonths}>
            <Input id="maxTerm" inputMode="numeric" value={maxTerm} onChange={(e) => setMaxTerm(e.target.value)} />
          </Field>
        </div>
      </Card>
      {problem ? <Notice tone="error" testId="draft-problem">{problem}</Notice> : null}
      <Button type="submit" disabled={busy}>{busy ? "Перевіряю…" : "Переглянути зміни й наслідки"}</Button>
    </form>
  );
}

/** A typed amount in kopiykas; a malformed one becomes -1 so that the server names the field. */
function safeKopiykas(value: string): number {
  try {
    return toKopiykas(value.replace(",", ".").replace(/\s/g, ""));
  } catch {
    return -1;
  }
}
