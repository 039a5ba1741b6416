import "server-only";
import type { Ctx } from "@/lib/context";
import type { Kopiykas } from "@/lib/format";
import { listEmployees, MAX_EMPLOYEES } from "@/lib/reservations";
import { isNeverReservable } from "@/lib/rules";
import { toListInput, type EmployeeFilters } from "./employee-filters";

// «Усі за фільтром», «усі, кого можна забронювати», «усі заброньовані»: every employee a filter
// matches, in the list's order, with what the selection keeps of them (the name to show, the
// registry's salary for step 2, whether they pass the rules). Pages of the lifecycle's cached
// model, so 10,000 employees cost a few pages of milliseconds. Nobody the rules could never
// reserve is picked unless already reserved here (then an annulment may want them).

export type SelectedEmployee = {
  rnokpp: string;
  fullName: string;
  salary: Kopiykas | null;
  eligible: boolean;
  reservedUntil: string | null;
};

const PAGE = 500;

export async function selectEmployees(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { filters: EmployeeFilters },
): Promise<{ items: SelectedEmployee[]; total: number; truncated: boolean }> {
  const { actor } = ctx;
  const edrpou = actor.edrpou ?? "";
  const { page: _page, ...filters } = toListInput(input.filters);
  const items: SelectedEmployee[] = [];
  let total = 0;
  for (let page = 1; items.length < MAX_EMPLOYEES; page++) {
    const list = await listEmployees(ctx, { edrpou, ...filters, page, pageSize: PAGE, revealRnokpp: true });
    total = list.total;
    for (const row of list.items) {
      if (row.state === "not_reserved" && isNeverReservable(row.reasons)) continue;
      items.push({
        rnokpp: row.rnokpp,
        fullName: row.fullName,
        salary: row.salary,
        eligible: row.eligible,
        reservedUntil: row.reservedUntil,
      });
    }
    if (page * PAGE >= list.total) break;
  }
  return { items: items.slice(0, MAX_EMPLOYEES), total, truncated: total > MAX_EMPLOYEES };
}
