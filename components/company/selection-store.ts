import { useSyncExternalStore } from "react";

// The employees picked for an application, kept while the user searches, filters and pages
// through a server-rendered list (each page is a navigation) and across the steps, in the
// tab's sessionStorage: a reload or the back button keeps the choice, another tab or a closed
// browser starts afresh. The order is the order of picking — the limit follows it.

export type SelectionItem = {
  rnokpp: string;
  fullName: string;
  /** The registry's monthly salary, kopiykas. */
  salary: number | null;
  eligible: boolean;
  reservedUntil: string | null;
};

export type SelectionState = {
  items: readonly SelectionItem[];
  /** Step 2's confirmed salaries that differ from the registry's (kopiykas). */
  salaries: Readonly<Record<string, number>>;
  /** The last draft this selection produced, discarded when a fresh one replaces it. */
  draftId: string | null;
};

const EMPTY: SelectionState = { items: [], salaries: {}, draftId: null };
const states = new Map<string, SelectionState>();
const listeners = new Map<string, Set<() => void>>();

function read(key: string): SelectionState {
  const cached = states.get(key);
  if (cached) return cached;
  let state = EMPTY;
  try {
    const raw = window.sessionStorage.getItem(key);
    if (raw) state = { ...EMPTY, ...(JSON.parse(raw) as Partial<SelectionState>) };
  } catch {
    // Storage unavailable or corrupted: start empty.
  }
  states.set(key, state);
  return state;
}

function write(key: string, next: SelectionState) {
  states.set(key, next);
  try {
    window.sessionStorage.setItem(key, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: the choice still lives for this page.
  }
  for (const listener of listeners.get(key) ?? []) listener();
}

function subscribe(key: string, listener: () => void) {
  const set = listeners.get(key) ?? new Set();
  set.add(listener);
  listeners.set(key, set);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) {
      states.delete(key);
      listener();
    }
  };
  window.addEventListener("storage", onStorage);
  return () => {
    set.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export { selectionKey } from "./selection-key";

export function selectionActions(key: string) {
  const update = (change: (state: SelectionState) => SelectionState) => write(key, change(read(key)));
  return {
    toggle(item: SelectionItem, on: boolean) {
      update((s) => {
        const has = s.items.some((i) => i.rnokpp === item.rnokpp);
        if (on === has) return s;
        return on
          ? { ...s, items: [...s.items, item] }
          : { ...s, items: s.items.filter((i) => i.rnokpp !== item.rnokpp) };
      });
    },
    addMany(items: readonly SelectionItem[]) {
      update((s) => {
        const have = new Set(s.items.map((i) => i.rnokpp));
        return { ...s, items: [...s.items, ...items.filter((i) => !have.has(i.rnokpp))] };
      });
    },
    removeMany(rnokpps: readonly string[]) {
      const drop = new Set(rnokpps);
      update((s) => ({ ...s, items: s.items.filter((i) => !drop.has(i.rnokpp)) }));
    },
    setSalary(rnokpp: string, kopiykas: number | null) {
      update((s) => {
        const salaries = { ...s.salaries };
        if (kopiykas === null) delete salaries[rnokpp];
        else salaries[rnokpp] = kopiykas;
        return { ...s, salaries };
      });
    },
    replaceSalaries(salaries: Record<string, number>) {
      update((s) => ({ ...s, salaries }));
    },
    setDraftId(draftId: string | null) {
      update((s) => ({ ...s, draftId }));
    },
    clear() {
      write(key, EMPTY);
    },
  };
}

export function useSelection(key: string): SelectionState & { ready: boolean } {
  const state = useSyncExternalStore(
    (listener) => subscribe(key, listener),
    () => read(key),
    () => EMPTY,
  );
  const ready = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  return { ...state, ready };
}

const noop = () => () => undefined;
