"use client";

import { shortEnterpriseName } from "@/lib/format/enterprise-name";
import type { RulesetWhatIf } from "@/lib/rulesets/compute-ruleset-what-if";
import { diffLabel } from "./diff-labels";

// The what-if as numbers, a chart by sector and the most affected enterprises. The chart is
// plain HTML bars (as on the ministry's dashboard): each bar's length is its value over the
// largest, its number printed beside it; the drawing is hidden from screen readers and its
// figures are also in a table (screen readers, copying).

const number = (value: unknown) => (typeof value === "number" ? value.toLocaleString("uk-UA") : String(value));

export function WhatIfView({ result }: { result: RulesetWhatIf }) {
  const sectors = result.bySector.slice(0, 10);
  const uncounted = result.changes.filter((c) => !c.counted);
  return (
    <div className="space-y-4" data-testid="what-if">
      <p className="text-lg font-semibold" data-testid="what-if-summary">
        {number(result.total)} бронювань більше не відповідатимуть правилам: {number(result.belowThreshold)} — нижче
        нового порогу заробітної плати, {number(result.beyondLimit)} — понад новий ліміт
      </p>
      <table className="w-full text-left text-sm" data-testid="what-if-reasons">
        <caption className="sr-only">Бронювання, що більше не відповідатимуть правилам, за причинами</caption>
        <thead>
          <tr>
            <th className="py-1 pr-3 font-medium">Причина</th>
            <th className="py-1 pr-3 font-medium">Бронювань</th>
          </tr>
        </thead>
        <tbody>
          {result.reasons.map((r) => (
            <tr key={r.reason}>
              <td className="pr-3">{r.label}</td>
              <td className="tabular pr-3">{number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-muted">Бронювання може мати кілька причин; загальне число враховує кожне один раз.</p>
      <p className="text-sm text-muted">
        З {number(result.activeReservations)} чинних бронювань у реєстрі; підприємств, яких це стосується:{" "}
        {number(result.enterprisesAffected)}. Порівняно з версією {result.comparedWith}; обчислено за{" "}
        {number(result.ms)} мс, нічого не змінено.
      </p>
      {uncounted.length > 0 ? (
        <div className="text-sm" data-testid="what-if-uncounted">
          <p className="font-medium">
            Не враховано в цих числах (не перевіряється для чинних бронювань) — діятиме для рішень і заяв з дати версії:
          </p>
          <ul className="ml-5 list-disc">
            {uncounted.map((c) => (
              <li key={c.path}>{diffLabel(c.path)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {sectors.length > 0 ? (
        <figure aria-label="Наслідки за галузями">
          <SectorBars rows={sectors} />
          <Breakdown title="За галузями (секції КВЕД)" rows={result.bySector} />
        </figure>
      ) : null}
      {result.byRegion.length > 0 ? <Breakdown title="За регіонами" rows={result.byRegion} /> : null}
      {result.sample.length > 0 ? (
        <details className="text-sm" open>
          <summary className="cursor-pointer font-medium">Підприємства, яких це стосується найбільше</summary>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr>
                <th className="py-1 pr-3">ЄДРПОУ</th>
                <th className="py-1 pr-3">Назва</th>
                <th className="py-1 pr-3">Регіон</th>
                <th className="py-1 pr-3">Усього</th>
                <th className="py-1 pr-3">Нижче порогу</th>
                <th className="py-1 pr-3">Понад ліміт</th>
              </tr>
            </thead>
            <tbody>
              {result.sample.map((e) => (
                <tr key={e.edrpou}>
                  <td className="tabular py-0.5 pr-3">{e.edrpou}</td>
                  <td className="pr-3">{shortEnterpriseName(e.name)}</td>
                  <td className="pr-3">{e.region}</td>
                  <td className="tabular pr-3">{number(e.total)}</td>
                  <td className="tabular pr-3">{number(e.belowThreshold)}</td>
                  <td className="tabular pr-3">{number(e.beyondLimit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}

function Breakdown({ title, rows }: { title: string; rows: RulesetWhatIf["bySector"] }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-muted">{title}</summary>
      <table className="mt-2 w-full text-left">
        <thead>
          <tr>
            <th className="py-1 pr-3 font-medium">Група</th>
            <th className="py-1 pr-3 font-medium">Усього</th>
            <th className="py-1 pr-3 font-medium">Нижче порогу</th>
            <th className="py-1 pr-3 font-medium">Понад ліміт</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="pr-3">{r.label}</td>
              <td className="tabular pr-3">{number(r.total)}</td>
              <td className="tabular pr-3">{number(r.belowThreshold)}</td>
              <td className="tabular pr-3">{number(r.beyondLimit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function SectorBars({ rows }: { rows: RulesetWhatIf["bySector"] }) {
  const max = Math.max(0, ...rows.flatMap((r) => [r.total, r.beyondLimit]));
  const width = (value: number) => `${max > 0 ? (value / max) * 100 : 0}%`;
  return (
    <div aria-hidden="true" className="space-y-2">
      <p className="flex flex-wrap gap-4 text-xs text-muted">
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-ink" />
          Усього
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-neutral-400" />
          Понад ліміт
        </span>
      </p>
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[3rem_1fr] items-center gap-x-2 text-xs">
            <span className="font-medium" title={r.label}>
              {r.key}
            </span>
            <span className="block space-y-0.5">
              <span className="flex items-center gap-2">
                <span className="h-2.5 flex-1">
                  <span className="block h-full rounded-sm bg-ink" style={{ width: width(r.total) }} />
                </span>
                <span className="tabular w-16 text-right">{number(r.total)}</span>
              </span>
              <span className="flex items-center gap-2">
                <span className="h-2.5 flex-1">
                  <span className="block h-full rounded-sm bg-neutral-400" style={{ width: width(r.beyondLimit) }} />
                </span>
                <span className="tabular w-16 text-right">{number(r.beyondLimit)}</span>
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
