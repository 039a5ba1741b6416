import "server-only";
import { env } from "@/lib/env";

// A small in-process cache of computed read-models, each stored with the version of the data
// it was computed from: a hit needs the same key AND the same version, so a change anywhere in
// the inputs is a miss on the next request, whichever process made it. A short lifetime bounds
// what a change the version does not see could cost. Memory is bounded by entries and by rows
// (a read-model with `rows` weighs one per row: a 10,000-employee list is some megabytes), so
// the directors of many enterprises browsing at once (16 of the largest ones, in the benchmark)
// do not evict one another.
// Concurrent misses for one key and version share one computation. A hit older than the
// lifetime (same version) is still served while one recomputation runs behind it, so a
// director of a 50,000-employee enterprise does not wait seconds once a minute for data that
// has not changed; a new version is never served from the old one.
//
// Readers on a streaming replica that lags see an older version than readers on the primary
// (or a fresher replica). Each is served the model stored under the version it read — never
// the one of another version — and a key keeps its two most recently used versions, so a lagging
// reader neither evicts the primary's newer model nor is evicted by it while the lag lasts.
// The caller must read the version before the data and from the same server (one context's
// client): then a model is never older than the version it is stored under.
//
// A miss may be answered by patching the key's newest cached value instead of computing it
// whole (a `patch` function: the employee list re-judges only the persons a registry change
// concerned). A patched value keeps its base's age, so the lifetime still brings a whole
// computation once a minute while the key is in use, hit or patched. The base may be a newer
// version a fresher reader stored (then the patch must refuse, as the employee list's does:
// the registry cannot name changes back in time), so a patched value is never older than its
// version, though it may be newer. A failed patch falls back to the whole computation.

// The entries bound only keeps many tiny models from costing a long walk; memory is bounded by
// the rows. The deadline-day peak has hundreds of enterprises' directors browsing at once, each
// coming back every few seconds: a bound under their number turned the least-recently-used order
// into a cache that never hits (64 entries, 100 directors in turn: every page decoded or judged
// the list again).
const MAX_ENTRIES = 4_096;
const LIFETIME_MS = 60_000;
const VERSIONS_PER_KEY = 2;

type Entry = {
  key: string;
  version: string;
  /** When the value's whole computation started (a patched value keeps its base's). */
  storedAt: number;
  /** Creation order: the newest entry of a key is the base a patch starts from. */
  seq: number;
  value: Promise<unknown>;
  weight: number;
};
// One cache per process. Next bundles the route handlers and the pages apart, each with its own
// copy of this module: state kept in the module would be a second cache (the /company page and the
// employee API of one director missed each other's lists, and held them twice). The state lives
// on the process's global object under a registered symbol, so every copy shares it. (In `next
// dev` it also outlives a reload of edited code: a list judged by the old rules is served until
// its lifetime ends or its data change.)
type State = {
  /** By key and version, least recently used first. */
  entries: Map<string, Entry>;
  /** Keys with a recomputation running behind them: one at a time per key. */
  refreshing: Set<string>;
  /** Bumped by clearVersionCache, so that a recomputation started before it is not stored after it. */
  generation: number;
  created: number;
  /** READ_MODEL_CACHE_ROWS, read on first use (lib/env.ts). */
  maxRows: number | undefined;
};
const STATE = Symbol.for("bronya.read-model-cache");
const state: State = ((globalThis as { [STATE]?: State })[STATE] ??= {
  entries: new Map(),
  refreshing: new Set(),
  generation: 0,
  created: 0,
  maxRows: undefined,
});
const { entries, refreshing } = state;
const rowLimit = () => (state.maxRows ??= env().READ_MODEL_CACHE_ROWS);

const slot = (key: string, version: string) => `${key}\u0000${version}`;

function totalWeight(): number {
  let total = 0;
  for (const entry of entries.values()) total += entry.weight;
  return total;
}

function evict(): void {
  while (entries.size > MAX_ENTRIES || (entries.size > 1 && totalWeight() > rowLimit()))
    entries.delete(entries.keys().next().value!);
}

/** Drops the key's least recently used versions beyond the newest few stored. */
function dropOldVersions(key: string): void {
  const ofKey: string[] = [];
  for (const [id, entry] of entries) if (entry.key === key) ofKey.push(id);
  for (const id of ofKey.slice(0, Math.max(0, ofKey.length - VERSIONS_PER_KEY))) entries.delete(id);
}

/** Whether some version of the key is cached in this process (a caller that only wants what is at hand). */
export function isCached(key: string): boolean {
  for (const entry of entries.values()) if (entry.key === key) return true;
  return false;
}

/**
 * Builds the value of a new version from the key's newest cached one (an older version, or a
 * newer one a fresher reader stored), or answers null when it cannot: then the value is computed
 * whole. The version it is stored under must be one the patched value is at least as new as.
 */
export type Patch<T> = (older: { version: string; value: T }) => Promise<T | null>;

export type Compute<T> = (how: { refresh: boolean }) => Promise<T>;

export async function cachedByVersion<T>(
  key: string,
  version: string,
  compute: Compute<T>,
  now = Date.now(),
  patch?: Patch<T>,
): Promise<T> {
  const id = slot(key, version);
  const hit = entries.get(id);
  if (hit) {
    // Refresh its place: the least recently used entry is the one dropped.
    entries.delete(id);
    entries.set(id, hit);
    if (now - hit.storedAt >= LIFETIME_MS && !refreshing.has(key)) refresh(id, hit, compute, now);
    return hit.value as Promise<T>;
  }
  const base = patch ? newestOf(key) : undefined;
  const entry: Entry = { key, version, storedAt: now, seq: ++state.created, value: Promise.resolve(), weight: 1 };
  const value: Promise<T> =
    base && patch
      ? (base.value as Promise<T>).then(
          async (older) => {
            const patched = await patch({ version: base.version, value: older }).catch(() => null);
            if (patched === null) return compute({ refresh: false });
            // The lifetime still counts from the last whole computation.
            entry.storedAt = Math.min(entry.storedAt, base.storedAt);
            return patched;
          },
          () => compute({ refresh: false }),
        )
      : compute({ refresh: false });
  entry.value = value;
  entries.set(id, entry);
  dropOldVersions(key);
  evict();
  value.then(
    (resolved) => {
      if (entries.get(id) === entry) {
        entry.weight = weigh(resolved);
        evict();
        // A patch of a value past its lifetime is served, and a whole computation runs behind
        // it: a key whose version moves before every request is still computed whole once a
        // lifetime, as one that is only hit is — one at a time per key, and the recomputed value
        // becomes the base of the next patches, so the versions that follow start young.
        if (now - entry.storedAt >= LIFETIME_MS && !refreshing.has(key)) refresh(id, entry, compute, now);
      }
    },
    // A failed computation is not remembered.
    () => {
      if (entries.get(id) === entry) entries.delete(id);
    },
  );
  return value;
}

function newestOf(key: string): Entry | undefined {
  let newest: Entry | undefined;
  for (const entry of entries.values()) if (entry.key === key && (!newest || entry.seq > newest.seq)) newest = entry;
  return newest;
}

/**
 * Recomputes an entry past its lifetime behind it; it keeps being served until the new value is
 * ready. The new value is stored even when the entry was dropped meanwhile (newer versions came):
 * it is the key's freshest whole computation, and becomes the newest base for a patch.
 */
function refresh(id: string, stale: Entry, compute: Compute<unknown>, now: number): void {
  refreshing.add(stale.key);
  const started = state.generation;
  compute({ refresh: true }).then(
    (resolved) => {
      refreshing.delete(stale.key);
      const current = entries.get(id);
      if (started !== state.generation || (current && current !== stale)) return;
      entries.delete(id);
      entries.set(id, {
        ...stale,
        storedAt: now,
        seq: ++state.created,
        value: Promise.resolve(resolved),
        weight: weigh(resolved),
      });
      dropOldVersions(stale.key);
      evict();
    },
    // A failed recomputation keeps the old value for the next request to try again.
    () => {
      refreshing.delete(stale.key);
    },
  );
}

function weigh(value: unknown): number {
  const rows = (value as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? Math.max(1, rows.length) : 1;
}

/** Tests: start from an empty cache (with another row limit). */
export function clearVersionCache(options: { maxRows?: number } = {}): void {
  entries.clear();
  refreshing.clear();
  state.generation += 1;
  state.maxRows = options.maxRows;
}
