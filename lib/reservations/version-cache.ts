import "server-only";

// A small in-process cache of computed read-models, each stored with the version of the data
// it was computed from: a hit needs the same key AND the same version, so a change anywhere in
// the inputs is a miss on the next request, whichever process made it. A short lifetime bounds
// what a change the version does not see could cost. Memory is bounded by entries and by rows
// (a read-model with `rows` weighs one per row: a 10,000-employee list is some megabytes), so
// the directors of many enterprises browsing at once (16 of the largest ones, in the benchmark)
// do not evict one another.
// Concurrent misses for one key share one computation.

const MAX_ENTRIES = 64;
const MAX_ROWS = 200_000;
const LIFETIME_MS = 60_000;

type Entry = { version: string; storedAt: number; value: Promise<unknown>; weight: number };
const entries = new Map<string, Entry>();

function totalWeight(): number {
  let total = 0;
  for (const entry of entries.values()) total += entry.weight;
  return total;
}

function evict(): void {
  while (entries.size > MAX_ENTRIES || (entries.size > 1 && totalWeight() > MAX_ROWS))
    entries.delete(entries.keys().next().value!);
}

export async function cachedByVersion<T>(
  key: string,
  version: string,
  compute: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.version === version && now - hit.storedAt < LIFETIME_MS) {
    // Refresh its place: the least recently used entry is the one dropped.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { version, storedAt: now, value, weight: 1 };
  entries.set(key, entry);
  evict();
  value.then(
    (resolved) => {
      const rows = (resolved as { rows?: unknown } | null)?.rows;
      if (Array.isArray(rows) && entries.get(key) === entry) {
        entry.weight = Math.max(1, rows.length);
        evict();
      }
    },
    // A failed computation is not remembered.
    () => {
      if (entries.get(key)?.value === value) entries.delete(key);
    },
  );
  return value;
}

/** Tests: start from an empty cache. */
export function clearVersionCache(): void {
  entries.clear();
}
