"use server";

import { redirect } from "next/navigation";
import { CABINET_PERMISSION, can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { filtersQuery, parseEmployeeFilters } from "@/lib/company/employee-filters";
import { sealSearch } from "@/lib/company/read-employee-filters";
import { z } from "@/lib/zod";

// The employee lists' search form posts here instead of putting what was typed (perhaps a
// РНОКПП) into the address: the text comes back sealed as `s`, the other filters as they are.

const ZSearchForm = z.object({
  path: z.enum(["/company/employees", "/company/applications/new", "/company/annulments"]),
  q: z.string().max(100).optional(),
});

export async function searchEmployeesAction(form: unknown): Promise<void> {
  const actor = await getActor();
  if (!can(actor, CABINET_PERMISSION.company)) redirect("/login");
  // A server action can be called with anything, not only the form.
  if (!(form instanceof FormData)) redirect("/company/employees");
  const fields = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = ZSearchForm.safeParse({ path: fields.path, q: fields.q?.slice(0, 100) });
  const path = parsed.success ? parsed.data.path : "/company/employees";
  const q = parsed.success ? parsed.data.q?.trim() : undefined;
  const filters = parseEmployeeFilters({
    state: fields.state,
    eligible: fields.eligible,
    who: fields.who,
    reason: fields.reason,
    sort: fields.sort,
  });
  redirect(`${path}${filtersQuery({ ...filters, q, s: sealSearch(q) })}`);
}
