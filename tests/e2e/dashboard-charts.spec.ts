import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// A chart that misstates numbers is worse than none: every drawn bar is measured against the
// number it stands for and against the data table beside it.

test("the ministry dashboard draws every bar in proportion to its value, with the same numbers in its table", async ({
  page,
}) => {
  await signIn(page, "official-economy");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/ministry/dashboard");
    const charts = await page.getByTestId("chart").evaluateAll((figures) =>
      figures.map((figure) => ({
        name: figure.getAttribute("data-chart"),
        rows: [...figure.querySelectorAll('[data-testid="chart-row"]')].map((row) => {
          const track = row.querySelector('[data-testid="chart-track"]')!.getBoundingClientRect().width;
          const bar = row.querySelector('[data-testid="chart-bar"]') as HTMLElement;
          const limit = row.querySelector('[data-testid="chart-limit"]') as HTMLElement | null;
          return {
            value: Number(bar.dataset.value),
            max: Number(bar.dataset.max),
            drawn: bar.getBoundingClientRect().width / track,
            limit: limit
              ? { value: Number(limit.dataset.value), drawn: limit.getBoundingClientRect().width / track }
              : null,
            printed: row.querySelector('[data-testid="chart-value"]')!.textContent!.replace(/\s/g, ""),
          };
        }),
        table: [...figure.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("td")].map((td) => Number(td.textContent!.replace(/\s/g, ""))),
        ),
      })),
    );
    expect(charts.map((c) => c.name)).toEqual(
      [
        "Бронювання за підприємствами",
        "Бронювання за регіонами",
        "Нові бронювання за місяцями",
        "Використання ліміту",
        "Причини відмов",
      ].filter((n) => charts.some((c) => c.name === n)),
    );
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of charts) {
      expect(chart.rows.length, chart.name!).toBeGreaterThan(0);
      const max = Math.max(...chart.rows.map((r) => Math.max(r.value, r.limit?.value ?? 0)));
      chart.rows.forEach((row, i) => {
        expect(row.max, `${chart.name} row ${i}: the axis is the chart's largest value`).toBe(max);
        expect(row.drawn, `${chart.name} row ${i}: ${row.value} of ${max}`).toBeCloseTo(row.value / max, 2);
        if (row.limit)
          expect(row.limit.drawn, `${chart.name} row ${i}: limit ${row.limit.value} of ${max}`).toBeCloseTo(
            row.limit.value / max,
            2,
          );
        expect(row.printed.startsWith(String(row.value)), `${chart.name} row ${i} prints ${row.printed}`).toBe(true);
        expect(chart.table[i]![0], `${chart.name} row ${i}: the table says the same`).toBe(row.value);
        if (row.limit) expect(chart.table[i]![1]).toBe(row.limit.value);
      });
      // The longest bar fills its track: no chart is drawn at 80 % of its own axis.
      expect(Math.max(...chart.rows.map((r) => Math.max(r.drawn, r.limit?.drawn ?? 0)))).toBeCloseTo(1, 2);
    }
    // Enterprise labels use the short legal form and are not cut.
    const labels = await page
      .getByTestId("chart")
      .first()
      .locator('[data-testid="chart-row"] span[title]')
      .allTextContents();
    for (const label of labels) {
      expect(label).not.toContain("…");
      expect(label).not.toMatch(/^Приватне акціонерне товариство|^Товариство з обмеженою/);
    }
  }
});
