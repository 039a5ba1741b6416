"use client";

import { selectionActions, useSelection, type SelectionItem } from "./selection-store";

/**
 * One employee's tick in a selectable list; its label names the employee for screen readers.
 * `blockedBy`: the id of the reason the employee can never be reserved — the tick is greyed
 * out and says why.
 */
export function SelectionCheckbox({
  storeKey,
  item,
  blockedBy,
}: {
  storeKey: string;
  item: SelectionItem;
  blockedBy?: string;
}) {
  const { items, ready } = useSelection(storeKey);
  const checked = !blockedBy && items.some((i) => i.rnokpp === item.rnokpp);
  return (
    <input
      type="checkbox"
      className="size-5 shrink-0 cursor-pointer accent-black disabled:cursor-not-allowed disabled:opacity-40"
      aria-label={`Обрати: ${item.fullName}`}
      data-testid="select-employee"
      data-rnokpp={item.rnokpp}
      disabled={!ready || Boolean(blockedBy)}
      aria-describedby={blockedBy}
      data-blocked={blockedBy ? "" : undefined}
      checked={checked}
      onChange={(event) => selectionActions(storeKey).toggle(item, event.target.checked)}
    />
  );
}
