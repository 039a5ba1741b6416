"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The dashboard's charts. Client components (recharts draws in the browser) fed with figures the
// server computed; each chart carries its numbers as a table for screen readers and for copying.

const INK = "#000000";
const MUTED = "#9ca3af";
const tick = { fontSize: 12, fill: "#4b5563" };
const number = (value: unknown) => (typeof value === "number" ? value.toLocaleString("uk-UA") : String(value));

function ChartFrame({ label, rows, columns, children, height = 280 }: { label: string; rows: Array<Array<string | number>>; columns: string[]; children: ReactNode; height?: number }) {
  return (
    <figure aria-label={label}>
      <div style={{ width: "100%", height }} aria-hidden="true">
        <ResponsiveContainer>{children as React.ReactElement}</ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">Таблиця даних</summary>
        <table className="mt-2 w-full text-left">
          <thead><tr>{columns.map((c) => <th key={c} className="py-1 pr-3 font-medium">{c}</th>)}</tr></thead>
          <tbody>{rows.map((r, i) => <tr key={i}>{r.map((v, j) => <td key={j} className="tabular py-0.5 pr-3">{number(v)}</td>)}</tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}

export function EnterprisesChart({ data }: { data: Array<{ name: string; reserved: number; limit: number }> }) {
  const short = data.map((d) => ({ ...d, label: d.name.length > 28 ? `${d.name.slice(0, 27)}…` : d.name }));
  return (
    <ChartFrame label="Бронювання за підприємствами" columns={["Підприємство", "Заброньовано", "Ліміт"]} rows={data.map((d) => [d.name, d.reserved, d.limit])} height={Math.max(220, data.length * 36)}>
      <BarChart data={short} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" tick={tick} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={180} tick={tick} />
        <Tooltip formatter={number} />
        <Legend />
        <Bar dataKey="reserved" name="Заброньовано" fill={INK} />
        <Bar dataKey="limit" name="Ліміт" fill={MUTED} />
      </BarChart>
    </ChartFrame>
  );
}

export function RegionsChart({ data }: { data: Array<{ region: string; reserved: number; enterprises: number }> }) {
  return (
    <ChartFrame label="Бронювання за регіонами" columns={["Регіон", "Заброньовано", "Підприємств"]} rows={data.map((d) => [d.region, d.reserved, d.enterprises])}>
      <BarChart data={data} margin={{ bottom: 40 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="region" tick={tick} angle={-30} textAnchor="end" interval={0} height={70} />
        <YAxis tick={tick} allowDecimals={false} />
        <Tooltip formatter={number} />
        <Bar dataKey="reserved" name="Заброньовано" fill={INK} />
      </BarChart>
    </ChartFrame>
  );
}

export function MonthsChart({ data }: { data: Array<{ month: string; reserved: number }> }) {
  const labelled = data.map((d) => ({ ...d, label: `${d.month.slice(5, 7)}.${d.month.slice(0, 4)}` }));
  return (
    <ChartFrame label="Нові бронювання за місяцями" columns={["Місяць", "Бронювань"]} rows={labelled.map((d) => [d.label, d.reserved])}>
      <LineChart data={labelled}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={tick} />
        <YAxis tick={tick} allowDecimals={false} />
        <Tooltip formatter={number} />
        <Line type="monotone" dataKey="reserved" name="Бронювань" stroke={INK} strokeWidth={2} dot={{ r: 3 }} />
      </LineChart>
    </ChartFrame>
  );
}

const USAGE_COLORS = ["#dadada", "#bed9f5", "#76e0ad", "#ffd600", "#000000", "#ec0312"];

export function UsageChart({ data }: { data: Array<{ label: string; enterprises: number }> }) {
  return (
    <ChartFrame label="Використання ліміту" columns={["Використання", "Підприємств"]} rows={data.map((d) => [d.label, d.enterprises])}>
      <BarChart data={data}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={tick} interval={0} />
        <YAxis tick={tick} allowDecimals={false} />
        <Tooltip formatter={number} />
        <Bar dataKey="enterprises" name="Підприємств">
          {data.map((d, i) => <Cell key={d.label} fill={USAGE_COLORS[i % USAGE_COLORS.length]} />)}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

export function ReasonsChart({ data }: { data: Array<{ label: string; count: number }> }) {
  return (
    <ChartFrame label="Причини відмов" columns={["Причина", "Відмов"]} rows={data.map((d) => [d.label, d.count])} height={Math.max(200, data.length * 40)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" tick={tick} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={220} tick={tick} />
        <Tooltip formatter={number} />
        <Bar dataKey="count" name="Відмов" fill="#d95336" />
      </BarChart>
    </ChartFrame>
  );
}
