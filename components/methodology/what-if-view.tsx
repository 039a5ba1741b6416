"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RulesetWhatIf } from "@/lib/rulesets/compute-ruleset-what-if";

// The what-if as numbers, a chart by sector and the most affected enterprises. The chart's
// figures are also in a table (screen readers, copying).

const number = (value: unknown) => (typeof value === "number" ? value.toLocaleString("uk-UA") : String(value));

export function WhatIfView({ result }: { result: RulesetWhatIf }) {
  const sectors = result.bySector.slice(0, 10).map((s) => ({ ...s, short: s.key }));
  return (
    <div className="space-y-4" data-testid="what-if">
      <p className="text-lg font-semibold" data-testid="what-if-summary">
        {number(result.belowThreshold)} бронювань опиняться нижче нового порогу заробітної плати, {number(result.beyondLimit)} — понад новий ліміт
      </p>
      <p className="text-sm text-muted">
        З {number(result.activeReservations)} чинних бронювань у реєстрі; підприємств, яких це стосується: {number(result.enterprisesAffected)}. Порівняно з версією {result.comparedWith}; обчислено за {number(result.ms)} мс, нічого не змінено.
      </p>
      {sectors.length > 0 ? (
        <figure aria-label="Наслідки за галузями">
          <div style={{ width: "100%", height: Math.max(200, sectors.length * 32) }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart data={sectors} layout="vertical" margin={{ left: 8, right: 16 }}>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="short" width={40} tick={{ fontSize: 12 }} />
                <Tooltip formatter={number} />
                <Legend />
                <Bar dataKey="belowThreshold" name="Нижче порогу" fill="#000000" />
                <Bar dataKey="beyondLimit" name="Понад ліміт" fill="#9ca3af" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Breakdown title="За галузями (секції КВЕД)" rows={result.bySector} />
        </figure>
      ) : null}
      {result.byRegion.length > 0 ? <Breakdown title="За регіонами" rows={result.byRegion} /> : null}
      {result.sample.length > 0 ? (
        <details className="text-sm" open>
          <summary className="cursor-pointer font-medium">Підприємства, яких це стосується найбільше</summary>
          <table className="mt-2 w-full text-left">
            <thead><tr><th className="py-1 pr-3">ЄДРПОУ</th><th className="py-1 pr-3">Назва</th><th className="py-1 pr-3">Регіон</th><th className="py-1 pr-3">Нижче порогу</th><th className="py-1 pr-3">Понад ліміт</th></tr></thead>
            <tbody>
              {result.sample.map((e) => (
                <tr key={e.edrpou}><td className="tabular py-0.5 pr-3">{e.edrpou}</td><td className="pr-3">{e.name}</td><td className="pr-3">{e.region}</td><td className="tabular pr-3">{number(e.belowThreshold)}</td><td className="tabular pr-3">{number(e.beyondLimit)}</td></tr>
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
        <thead><tr><th className="py-1 pr-3 font-medium">Група</th><th className="py-1 pr-3 font-medium">Нижче порогу</th><th className="py-1 pr-3 font-medium">Понад ліміт</th></tr></thead>
        <tbody>{rows.map((r) => <tr key={r.key}><td className="pr-3">{r.label}</td><td className="tabular pr-3">{number(r.belowThreshold)}</td><td className="tabular pr-3">{number(r.beyondLimit)}</td></tr>)}</tbody>
      </table>
    </details>
  );
}
