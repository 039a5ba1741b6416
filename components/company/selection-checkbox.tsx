"use client";

import { selectionActions, useSelection, type SelectionItem } from "./selection-store";

/** One employee's tick in a selectable list; its label names the employee for screen readers. */
export function SelectionCheckbox({ storeKey, item }: { storeKey: string; item: SelectionItem }) {
  const { items, ready } = useSelection(storeKey);
  const checked = items.some((i) => i.rnokpp === item.rnokpp);
  return (
    <input
      type="checkbox"
      className="size-5 shrink-0 cursor-pointer accent-black"
      aria-label={`Обрати: ${item.fullName}`}
      data-testid="select-employee"
      data-rnokpp={item.rnokpp}
      disabled={!ready}
      checked={checked}
      onChange={(event) => selectionActions(storeKey).toggle(item, event.target.checked)}
    />
  );
}
