// Figures for the benchmarks' reports: the median, a percentile (nearest rank), the spread.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function summary(values: readonly number[], unit = "мс"): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return `медіана ${median(values).toFixed(0)} ${unit}, p95 ${percentile(values, 95).toFixed(0)} ${unit}, розкид ${min.toFixed(0)}–${max.toFixed(0)} ${unit} (n = ${values.length})`;
}
