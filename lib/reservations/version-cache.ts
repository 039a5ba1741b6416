import "server-only";

// A small in-process cache of computed read-models, each stored with the version of the data
// it was computed from: a hit needs the same key AND the same version, so a change anywhere in
// the inputs is a miss on the next request, whichever process made it. A short lifetime bounds
// what a change the version does not see could cost; few entries bound the memory (a
// 10,000-employee list is some megabytes). Concurrent misses for one key share one computation.

const MAX_ENTRIES = 4;
const LIFETIME_MS = 60_000;

type Entry = { version: string; storedAt: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

export async function cachedByVersion<T>(key: string, version: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.version === version && now - hit.storedAt < LIFETIME_MS) {
    // Refresh its place: the least recently used entry is the one dropped.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.set(key, { version, storedAt: now, value });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  // A failed computation is not remembered.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Tests: start from an empty cache. */
export function clearVersionCache(): void {
  entries.clear();
}
