import "server-only";
import type { Ctx } from "@/lib/context";
import { listEmployees, type EmployeeList } from "@/lib/reservations";
import { toListInput, type EmployeeFilters } from "./employee-filters";
import { getWizardContext, type WizardContext } from "./get-wizard-context";

// Step 1 of both wizards: one page of the staff to pick from, with full РНОКПП (the selection
// submits them; the table masks them), the wizard's context, and the size of the wizard's bulk
// pick — everyone who can be reserved, or everyone reserved here for an annulment (whose list
// shows only the reserved).

export type SelectableEmployees = {
  context: WizardContext;
  list: EmployeeList;
  filters: EmployeeFilters;
  bulk: { filters: EmployeeFilters; count: number };
};

export async function listSelectableEmployees(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { kind: "reservation" | "annulment"; filters: EmployeeFilters },
): Promise<SelectableEmployees> {
  const { kind } = input;
  const context = await getWizardContext(ctx);
  // An annulment lists everyone reserved here, whatever the registry says of them now.
  const filters: EmployeeFilters =
    kind === "annulment"
      ? { ...input.filters, who: "all", state: input.filters.state === "expiring" ? "expiring" : "reserved" }
      : input.filters;
  const bulkFilters: EmployeeFilters =
    kind === "annulment" ? { state: "reserved", who: "all" } : { eligible: "yes", state: "not_reserved" };
  const base = { edrpou: context.edrpou };
  const [list, bulk] = await Promise.all([
    listEmployees(ctx, { ...base, ...toListInput(filters), revealRnokpp: true }),
    listEmployees(ctx, { ...base, ...toListInput(bulkFilters), pageSize: 1 }),
  ]);
  return { context, list, filters, bulk: { filters: bulkFilters, count: bulk.total } };
}
