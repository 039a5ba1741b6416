import { beforeEach, describe, expect, it } from "vitest";
import { selectionActions, selectionKey, type SelectionItem } from "./selection-store";

// The selection survives navigation because it lives in sessionStorage: picking keeps the order
// (the limit follows it), bulk picks add no duplicates, and a fresh module reads what was kept.

const stored = new Map<string, string>();
const fakeWindow = {
  sessionStorage: {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  },
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};
(globalThis as { window?: unknown }).window = fakeWindow;

const person = (n: number, eligible = true): SelectionItem => ({
  rnokpp: String(1000000000 + n),
  fullName: `Працівник ${n}`,
  salary: 3_000_000,
  eligible,
  reservedUntil: null,
});
const saved = (key: string) =>
  JSON.parse(stored.get(key) ?? "null") as {
    items: SelectionItem[];
    salaries: Record<string, number>;
    draftId: string | null;
  };

describe("the selection of employees", () => {
  beforeEach(() => stored.clear());

  it("keeps the order of picking, adds no duplicates and removes what is unticked", () => {
    const key = selectionKey("reservation", "12345678");
    const act = selectionActions(key);
    act.clear();
    act.toggle(person(3), true);
    act.toggle(person(1), true);
    act.toggle(person(3), true);
    act.addMany([person(1), person(2), person(4)]);
    expect(saved(key).items.map((i) => i.fullName)).toEqual([
      "Працівник 3",
      "Працівник 1",
      "Працівник 2",
      "Працівник 4",
    ]);
    act.toggle(person(1), false);
    act.removeMany([person(4).rnokpp]);
    expect(saved(key).items.map((i) => i.fullName)).toEqual(["Працівник 3", "Працівник 2"]);
  });

  it("remembers confirmed salaries and the draft, per enterprise and kind, until cleared", () => {
    const reservation = selectionKey("reservation", "12345678");
    const annulment = selectionKey("annulment", "12345678");
    expect(reservation).not.toBe(annulment);
    const act = selectionActions(reservation);
    act.clear();
    act.toggle(person(1), true);
    act.setSalary(person(1).rnokpp, 4_100_000);
    act.setDraftId("d-1");
    expect(saved(reservation)).toMatchObject({ salaries: { [person(1).rnokpp]: 4_100_000 }, draftId: "d-1" });
    act.setSalary(person(1).rnokpp, null);
    expect(saved(reservation).salaries).toEqual({});
    expect(stored.has(annulment)).toBe(false);
    act.clear();
    expect(saved(reservation)).toEqual({ items: [], salaries: {}, draftId: null });
  });
});
