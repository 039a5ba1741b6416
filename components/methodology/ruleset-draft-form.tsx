"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  prepareRulesetVersionAction,
  rulesetWhatIfAction,
  signRulesetVersionAction,
} from "@/app/methodology/new/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { Notice } from "@/components/ui/notice";
import { formatDate, formatMoney, kopiykasToDecimal, toKopiykas } from "@/lib/format";
import {
  LIMIT_CATEGORIES,
  LIMIT_CATEGORY_LABELS,
  addDays,
  type LimitCategory,
  type Ruleset,
  type RulesetChanges,
  type RulesetDiffEntry,
} from "@/lib/rules";
import type { RulesetWhatIf } from "@/lib/rulesets/compute-ruleset-what-if";
import {
  CriteriaRuleEditor,
  criteriaRuleOf,
  criteriaValuesOf,
  sameCriteriaRule,
  toNumber,
  type CriteriaRuleValues,
} from "./criteria-rule-editor";
import { diffLabel, diffValue } from "./diff-labels";
import { WhatIfView } from "./what-if-view";

// A new version of the rules as a change of the current one: the methodologist edits the
// figures, reads the diff and the what-if over the registry, and signs with КЕП.

type Prepared = { input: DraftInput; document: string; nonce: string; diff: RulesetDiffEntry[]; version: string };
type LimitValues = { on: boolean; percent: string; base: "MILITARY_LIABLE" | "HEADCOUNT" };
type DraftInput = {
  basedOn: string;
  replaces: string | null;
  effectiveFrom: string;
  title: string;
  legalBasis: { act: string; number: string; date: string };
  changes: RulesetChanges;
};

export function RulesetDraftForm({
  current,
  today,
  signerRnokpp,
  authorityEdrpou,
}: {
  current: Ruleset;
  today: string;
  signerRnokpp?: string;
  authorityEdrpou?: string;
}) {
  const router = useRouter();
  const [effectiveFrom, setEffectiveFrom] = useState(addDays(today, 1));
  const [title, setTitle] = useState("");
  const [act, setAct] = useState("Постанова Кабінету Міністрів України");
  const [actNumber, setActNumber] = useState("");
  const [actDate, setActDate] = useState(today);
  const [wage, setWage] = useState(kopiykasToDecimal(current.salary.general.minimumWage));
  const [multiplier, setMultiplier] = useState(String(current.salary.general.multiplierPercent));
  const [frontlineMultiplier, setFrontlineMultiplier] = useState(String(current.salary.frontline.multiplierPercent));
  const [limits, setLimits] = useState<Record<LimitCategory, LimitValues>>(
    Object.fromEntries(
      LIMIT_CATEGORIES.map((c) => [
        c,
        {
          on: current.limits[c] !== undefined,
          percent: String(current.limits[c]?.percent ?? 100),
          base: current.limits[c]?.base ?? "MILITARY_LIABLE",
        },
      ]),
    ) as Record<LimitCategory, LimitValues>,
  );
  const [generalCriteria, setGeneralCriteria] = useState(criteriaValuesOf(current.criteria.general));
  const [categoryCriteria, setCategoryCriteria] = useState<
    Record<LimitCategory, { own: boolean; values: CriteriaRuleValues }>
  >(
    Object.fromEntries(
      LIMIT_CATEGORIES.map((c) => [
        c,
        {
          own: current.criteria.byCategory[c] !== undefined,
          values: criteriaValuesOf(current.criteria.byCategory[c] ?? current.criteria.general),
        },
      ]),
    ) as Record<LimitCategory, { own: boolean; values: CriteriaRuleValues }>,
  );
  const [spacing, setSpacing] = useState(
    current.annulmentSpacingDays === null ? "" : String(current.annulmentSpacingDays),
  );
  const [maxTerm, setMaxTerm] = useState(String(current.maxTermMonths));
  const [extensionWindow, setExtensionWindow] = useState(String(current.extensionWindowDays));
  const [ageLimit, setAgeLimit] = useState(String(current.ageLimit));
  const [mobilised, setMobilised] = useState(current.mobilisedInLimitBase);
  const [exception, setException] = useState({
    on: current.exception45 !== null,
    termDays: String(current.exception45?.termDays ?? 45),
    hiredWithinDays: String(current.exception45?.hiredWithinDays ?? 45),
    onceInMonths: String(current.exception45?.onceInMonths ?? 12),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [whatIf, setWhatIf] = useState<RulesetWhatIf | null>(null);

  /** A field's message: the draft's schema names it under changes., the version's schema without. */
  const err = (path: string): string | undefined => errors[`changes.${path}`] ?? errors[path];

  function draftInput(): DraftInput {
    const changes: RulesetChanges = {};
    const wageKop = safeKopiykas(wage);
    const threshold = { minimumWage: wageKop, multiplierPercent: toNumber(multiplier) };
    if (
      threshold.minimumWage !== current.salary.general.minimumWage ||
      threshold.multiplierPercent !== current.salary.general.multiplierPercent
    )
      changes.salary = { general: threshold };
    const frontline = { minimumWage: wageKop, multiplierPercent: toNumber(frontlineMultiplier) };
    if (
      frontline.minimumWage !== current.salary.frontline.minimumWage ||
      frontline.multiplierPercent !== current.salary.frontline.multiplierPercent
    )
      changes.salary = { ...changes.salary, frontline };
    const changedLimits: NonNullable<RulesetChanges["limits"]> = {};
    const changedCriteria: NonNullable<RulesetChanges["criteriaByCategory"]> = {};
    for (const c of LIMIT_CATEGORIES) {
      const typed = limits[c];
      const was = current.limits[c];
      if (!typed.on) {
        if (was) changedLimits[c] = null;
      } else {
        const rule = { percent: toNumber(typed.percent), base: typed.base };
        if (!was || was.percent !== rule.percent || was.base !== rule.base) changedLimits[c] = rule;
      }
      // A category's own criteria rule exists only while the category does.
      const own = typed.on && categoryCriteria[c].own;
      const wasOwn = current.criteria.byCategory[c];
      if (!own) {
        if (wasOwn) changedCriteria[c] = null;
      } else {
        const rule = criteriaRuleOf(categoryCriteria[c].values);
        if (!wasOwn || !sameCriteriaRule(wasOwn, rule)) changedCriteria[c] = rule;
      }
    }
    if (Object.keys(changedLimits).length > 0) changes.limits = changedLimits;
    if (Object.keys(changedCriteria).length > 0) changes.criteriaByCategory = changedCriteria;
    const general = criteriaRuleOf(generalCriteria);
    if (!sameCriteriaRule(general, current.criteria.general)) changes.criteriaGeneral = general;
    const spacingValue = spacing.trim() === "" ? null : toNumber(spacing);
    if (spacingValue !== current.annulmentSpacingDays) changes.annulmentSpacingDays = spacingValue;
    if (toNumber(maxTerm) !== current.maxTermMonths) changes.maxTermMonths = toNumber(maxTerm);
    if (toNumber(extensionWindow) !== current.extensionWindowDays)
      changes.extensionWindowDays = toNumber(extensionWindow);
    if (toNumber(ageLimit) !== current.ageLimit) changes.ageLimit = toNumber(ageLimit);
    if (mobilised !== current.mobilisedInLimitBase) changes.mobilisedInLimitBase = mobilised;
    if (!exception.on) {
      if (current.exception45 !== null) changes.exception45 = null;
    } else {
      const typed = {
        termDays: toNumber(exception.termDays),
        hiredWithinDays: toNumber(exception.hiredWithinDays),
        onceInMonths: toNumber(exception.onceInMonths),
      };
      const was = current.exception45;
      if (
        !was ||
        was.termDays !== typed.termDays ||
        was.hiredWithinDays !== typed.hiredWithinDays ||
        was.onceInMonths !== typed.onceInMonths
      )
        changes.exception45 = typed;
    }
    return {
      basedOn: current.version,
      replaces: null,
      effectiveFrom,
      title,
      legalBasis: { act, number: actNumber, date: actDate },
      changes,
    };
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
      setPrepared({
        input,
        document: result.data.document,
        nonce: result.data.nonce,
        diff: result.data.diff,
        version: result.data.ruleset.version,
      });
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
          <CardTitle>
            Що змінює версія {prepared.version} з {formatDate(prepared.input.effectiveFrom)}
          </CardTitle>
          <table className="w-full text-left text-sm" data-testid="ruleset-diff">
            <thead>
              <tr>
                <th className="py-1 pr-3">Правило</th>
                <th className="py-1 pr-3">Було</th>
                <th className="py-1 pr-3">Стане</th>
              </tr>
            </thead>
            <tbody>
              {prepared.diff.map((d) => (
                <tr key={d.path}>
                  <td className="py-1 pr-3">{diffLabel(d.path)}</td>
                  <td className="tabular pr-3">{diffValue(d.path, d.before)}</td>
                  <td className="tabular pr-3 font-medium">{diffValue(d.path, d.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card>
          <CardTitle>Наслідки для чинних бронювань</CardTitle>
          {whatIf ? (
            <WhatIfView result={whatIf} />
          ) : (
            <p className="text-sm text-muted" aria-live="polite">
              Обчислюю наслідки за всім реєстром…
            </p>
          )}
        </Card>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        <Card>
          <CardTitle>Підписання версії правил</CardTitle>
          <KepSigner
            document={prepared.document}
            summary={
              <p className="text-sm">
                Версія {prepared.version}: {prepared.input.title}. Набирає чинності{" "}
                {formatDate(prepared.input.effectiveFrom)} о 00:00 за київським часом.
              </p>
            }
            expectedRnokpp={signerRnokpp}
            expectedEdrpou={authorityEdrpou}
            submitLabel="Підписати версію правил"
            onCancel={() => setPrepared(null)}
            onSigned={async ({ signature }) => {
              const result = await signRulesetVersionAction({
                draft: prepared.input,
                nonce: prepared.nonce,
                signature,
              });
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
          <Field
            label="Набирає чинності (00:00 за київським часом)"
            htmlFor="effectiveFrom"
            error={errors.effectiveFrom}
          >
            <DateInput
              id="effectiveFrom"
              value={effectiveFrom}
              min={addDays(today, 1)}
              onChange={setEffectiveFrom}
              invalid={!!errors.effectiveFrom}
            />
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
        <CardTitle>
          Поріг заробітної плати (зараз {formatMoney(current.salary.general.threshold)}; прифронтові{" "}
          {formatMoney(current.salary.frontline.threshold)})
        </CardTitle>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Мінімальна заробітна плата, грн"
            htmlFor="wage"
            error={err("salary.general.minimumWage") ?? err("salary.general.threshold")}
          >
            <Input id="wage" inputMode="decimal" value={wage} onChange={(e) => setWage(e.target.value)} />
          </Field>
          <Field
            label="Кратність, % (300 = 3 мінімальні)"
            htmlFor="multiplier"
            error={err("salary.general.multiplierPercent") ?? err("salary.general")}
          >
            <Input
              id="multiplier"
              inputMode="numeric"
              value={multiplier}
              onChange={(e) => setMultiplier(e.target.value)}
            />
          </Field>
          <Field
            label="Кратність для прифронтових, %"
            htmlFor="frontlineMultiplier"
            error={
              err("salary.frontline.multiplierPercent") ?? err("salary.frontline") ?? err("salary.frontline.threshold")
            }
          >
            <Input
              id="frontlineMultiplier"
              inputMode="numeric"
              value={frontlineMultiplier}
              onChange={(e) => setFrontlineMultiplier(e.target.value)}
            />
          </Field>
        </div>
      </Card>
      <Card>
        <CardTitle>Ліміти бронювання</CardTitle>
        <p className="mb-3 text-sm text-muted">
          Категорія, яку вимкнено, не діятиме з дати версії; нова категорія з&apos;явиться з цієї дати.
        </p>
        {err("limits") ? <p className="mb-2 text-sm text-chip-fail">{err("limits")}</p> : null}
        <div className="space-y-4">
          {LIMIT_CATEGORIES.map((c) => (
            <div
              key={c}
              className="grid gap-3 border-t border-line pt-3 sm:grid-cols-[1fr_8rem_14rem]"
              data-testid={`limit-row-${c}`}
            >
              <Checkbox
                id={`limit-on-${c}`}
                label={LIMIT_CATEGORY_LABELS[c]}
                checked={limits[c].on}
                disabled={c === "DEFAULT_50"}
                onChange={(e) => setLimits({ ...limits, [c]: { ...limits[c], on: e.target.checked } })}
              />
              {limits[c].on ? (
                <>
                  <Field
                    label="Відсоток, %"
                    htmlFor={`limit-${c}`}
                    error={err(`limits.${c}.percent`) ?? err(`limits.${c}`)}
                  >
                    <Input
                      id={`limit-${c}`}
                      inputMode="numeric"
                      value={limits[c].percent}
                      onChange={(e) => setLimits({ ...limits, [c]: { ...limits[c], percent: e.target.value } })}
                      invalid={!!(err(`limits.${c}.percent`) ?? err(`limits.${c}`))}
                    />
                  </Field>
                  <Field label="Від чого рахується" htmlFor={`limit-base-${c}`}>
                    <Select
                      id={`limit-base-${c}`}
                      value={limits[c].base}
                      onChange={(e) =>
                        setLimits({ ...limits, [c]: { ...limits[c], base: e.target.value as LimitValues["base"] } })
                      }
                    >
                      <option value="MILITARY_LIABLE">Військовозобов&apos;язані</option>
                      <option value="HEADCOUNT">Загальна чисельність працівників</option>
                    </Select>
                  </Field>
                </>
              ) : null}
            </div>
          ))}
        </div>
        <div className="mt-4">
          <Checkbox
            id="mobilised"
            label="Мобілізовані працівники враховуються в базі ліміту"
            checked={mobilised}
            onChange={(e) => setMobilised(e.target.checked)}
          />
        </div>
      </Card>
      <Card>
        <CardTitle>Критерії визнання критично важливим</CardTitle>
        <h3 className="mb-2 text-sm font-semibold">Загальне правило (категорії без власного)</h3>
        <CriteriaRuleEditor
          id="criteria-general"
          values={generalCriteria}
          onChange={setGeneralCriteria}
          errors={(f) => err(`criteriaGeneral.${f}`) ?? err(`criteria.general.${f}`)}
        />
        {LIMIT_CATEGORIES.filter((c) => limits[c].on && c !== "DEFAULT_50").map((c) => (
          <div key={c} className="mt-4 space-y-3 border-t border-line pt-3">
            <Checkbox
              id={`criteria-own-${c}`}
              label={`Власне правило для категорії «${LIMIT_CATEGORY_LABELS[c]}»`}
              checked={categoryCriteria[c].own}
              onChange={(e) =>
                setCategoryCriteria({ ...categoryCriteria, [c]: { ...categoryCriteria[c], own: e.target.checked } })
              }
            />
            {err(`criteria.byCategory.${c}`) ? (
              <p className="text-sm text-chip-fail">{err(`criteria.byCategory.${c}`)}</p>
            ) : null}
            {categoryCriteria[c].own ? (
              <CriteriaRuleEditor
                id={`criteria-${c}`}
                values={categoryCriteria[c].values}
                onChange={(values) => setCategoryCriteria({ ...categoryCriteria, [c]: { own: true, values } })}
                errors={(f) => err(`criteriaByCategory.${c}.${f}`) ?? err(`criteria.byCategory.${c}.${f}`)}
              />
            ) : null}
          </div>
        ))}
      </Card>
      <Card>
        <CardTitle>Строки та вік</CardTitle>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Заява на анулювання не частіше ніж раз на, днів (порожньо — без обмеження)"
            htmlFor="spacing"
            error={err("annulmentSpacingDays")}
          >
            <Input
              id="spacing"
              inputMode="numeric"
              value={spacing}
              onChange={(e) => setSpacing(e.target.value)}
              invalid={!!err("annulmentSpacingDays")}
            />
          </Field>
          <Field label="Максимальний строк бронювання, місяців" htmlFor="maxTerm" error={err("maxTermMonths")}>
            <Input
              id="maxTerm"
              inputMode="numeric"
              value={maxTerm}
              onChange={(e) => setMaxTerm(e.target.value)}
              invalid={!!err("maxTermMonths")}
            />
          </Field>
          <Field
            label="Продовження можна подати за, днів до кінця бронювання"
            htmlFor="extensionWindow"
            error={err("extensionWindowDays")}
          >
            <Input
              id="extensionWindow"
              inputMode="numeric"
              value={extensionWindow}
              onChange={(e) => setExtensionWindow(e.target.value)}
              invalid={!!err("extensionWindowDays")}
            />
          </Field>
          <Field label="Граничний вік, років" htmlFor="ageLimit" error={err("ageLimit")}>
            <Input
              id="ageLimit"
              inputMode="numeric"
              value={ageLimit}
              onChange={(e) => setAgeLimit(e.target.value)}
              invalid={!!err("ageLimit")}
            />
          </Field>
        </div>
      </Card>
      <Card>
        <CardTitle>Виняток на 45 днів для нових працівників</CardTitle>
        <Checkbox
          id="exception-on"
          label="Виняток діє"
          checked={exception.on}
          onChange={(e) => setException({ ...exception, on: e.target.checked })}
        />
        {exception.on ? (
          <div className="mt-3 grid gap-4 sm:grid-cols-3">
            <Field label="Строк бронювання, днів" htmlFor="exceptionTerm" error={err("exception45.termDays")}>
              <Input
                id="exceptionTerm"
                inputMode="numeric"
                value={exception.termDays}
                onChange={(e) => setException({ ...exception, termDays: e.target.value })}
                invalid={!!err("exception45.termDays")}
              />
            </Field>
            <Field
              label="Працевлаштовано не раніше ніж за, днів"
              htmlFor="exceptionHired"
              error={err("exception45.hiredWithinDays")}
            >
              <Input
                id="exceptionHired"
                inputMode="numeric"
                value={exception.hiredWithinDays}
                onChange={(e) => setException({ ...exception, hiredWithinDays: e.target.value })}
                invalid={!!err("exception45.hiredWithinDays")}
              />
            </Field>
            <Field
              label="Не частіше ніж раз на, місяців"
              htmlFor="exceptionOnce"
              error={err("exception45.onceInMonths")}
            >
              <Input
                id="exceptionOnce"
                inputMode="numeric"
                value={exception.onceInMonths}
                onChange={(e) => setException({ ...exception, onceInMonths: e.target.value })}
                invalid={!!err("exception45.onceInMonths")}
              />
            </Field>
          </div>
        ) : null}
      </Card>
      {problem ? (
        <Notice tone="error" testId="draft-problem">
          {problem}
        </Notice>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Перевіряю…" : "Переглянути зміни й наслідки"}
      </Button>
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
