import { shortEnterpriseName } from "@/lib/format/enterprise-name";

// The dashboard's charts, drawn as plain HTML bars: each bar's length is its value over the
// chart's largest value, exactly (tests/e2e/dashboard-charts.spec.ts measures it), its number
// is printed beside it, and no label is cut. The drawing is hidden from screen readers; each
// chart carries its numbers as a table, for them and for copying.

const number = (value: number) => value.toLocaleString("uk-UA");
const share = (value: number, max: number) => (max > 0 ? (value / max) * 100 : 0);

type Row = { key: string; label: string; title?: string; value: number; limit?: number; color?: string };

function BarList({
  name,
  rows,
  valueColumn,
  limitColumn,
  labelColumn,
  color = "#000000",
}: {
  name: string;
  rows: Row[];
  labelColumn: string;
  valueColumn: string;
  limitColumn?: string;
  color?: string;
}) {
  const max = Math.max(0, ...rows.map((r) => Math.max(r.value, r.limit ?? 0)));
  return (
    <figure aria-label={name} data-testid="chart" data-chart={name}>
      {limitColumn ? (
        <p className="mb-2 flex flex-wrap gap-4 text-xs text-muted" aria-hidden="true">
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ background: color }} />
            {valueColumn}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm bg-chip-neutral" />
            {limitColumn}
          </span>
        </p>
      ) : null}
      <ul className="space-y-2.5" aria-hidden="true">
        {rows.map((r) => (
          <li key={r.key} className="text-sm" data-testid="chart-row">
            <div className="flex items-baseline justify-between gap-3">
              <span className="min-w-0 break-words" title={r.title}>
                {r.label}
              </span>
              <span className="tabular shrink-0 font-medium" data-testid="chart-value">
                {number(r.value)}
                {r.limit !== undefined ? <span className="font-normal text-muted"> / {number(r.limit)}</span> : null}
              </span>
            </div>
            <div className="relative mt-1 h-3 rounded-sm bg-canvas/60" data-testid="chart-track">
              {r.limit !== undefined ? (
                <div
                  className="absolute inset-y-0 left-0 rounded-sm bg-chip-neutral"
                  style={{ width: `${share(r.limit, max)}%` }}
                  data-testid="chart-limit"
                  data-value={r.limit}
                />
              ) : null}
              <div
                className="absolute inset-y-0 left-0 rounded-sm"
                style={{ width: `${share(r.value, max)}%`, background: r.color ?? color }}
                data-testid="chart-bar"
                data-value={r.value}
                data-max={max}
              />
            </div>
          </li>
        ))}
      </ul>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-muted">Таблиця даних</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{name}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {labelColumn}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {valueColumn}
              </th>
              {limitColumn ? (
                <th scope="col" className="py-1 pr-3 font-medium">
                  {limitColumn}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="py-0.5 pr-3 font-normal">
                  {r.title ?? r.label}
                </th>
                <td className="tabular py-0.5 pr-3">{number(r.value)}</td>
                {limitColumn ? <td className="tabular py-0.5 pr-3">{number(r.limit ?? 0)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function EnterprisesChart({
  data,
}: {
  data: Array<{ edrpou?: string; name: string; reserved: number; limit: number }>;
}) {
  const rows = data.map((d, i) => ({
    key: d.edrpou ?? String(i),
    label: shortEnterpriseName(d.name),
    title: d.name,
    value: d.reserved,
    limit: d.limit,
  }));
  return (
    <BarList
      name="Бронювання за підприємствами"
      rows={rows}
      labelColumn="Підприємство"
      valueColumn="Заброньовано"
      limitColumn="Ліміт"
    />
  );
}

export function RegionsChart({ data }: { data: Array<{ region: string; reserved: number; enterprises: number }> }) {
  return (
    <BarList
      name="Бронювання за регіонами"
      rows={data.map((d) => ({
        key: d.region,
        label: `${d.region} · підприємств: ${number(d.enterprises)}`,
        title: d.region,
        value: d.reserved,
      }))}
      labelColumn="Регіон"
      valueColumn="Заброньовано"
    />
  );
}

export function MonthsChart({ data }: { data: Array<{ month: string; reserved: number }> }) {
  const rows = data.map((d) => ({
    key: d.month,
    label: `${d.month.slice(5, 7)}.${d.month.slice(0, 4)}`,
    value: d.reserved,
  }));
  return <BarList name="Нові бронювання за місяцями" rows={rows} labelColumn="Місяць" valueColumn="Бронювань" />;
}

const USAGE_COLORS = ["#dadada", "#bed9f5", "#76e0ad", "#ffd600", "#000000", "#ec0312"];

export function UsageChart({ data }: { data: Array<{ label: string; enterprises: number }> }) {
  const rows = data.map((d, i) => ({
    key: d.label,
    label: d.label,
    value: d.enterprises,
    color: USAGE_COLORS[i % USAGE_COLORS.length],
  }));
  return <BarList name="Використання ліміту" rows={rows} labelColumn="Використання" valueColumn="Підприємств" />;
}

export function ReasonsChart({ data }: { data: Array<{ label: string; count: number }> }) {
  return (
    <BarList
      name="Причини відмов"
      rows={data.map((d) => ({ key: d.label, label: d.label, value: d.count }))}
      labelColumn="Причина"
      valueColumn="Відмов"
      color="#d95336"
    />
  );
}
