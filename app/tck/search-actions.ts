"use server";

import { redirect } from "next/navigation";
import { CABINET_PERMISSION, can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { sealSearch } from "@/lib/company/read-employee-filters";
import { compactFilter } from "@/lib/tck/schemas";

// The register's filter form posts here, so that what was typed (a РНОКПП, a surname) travels
// sealed as `s`, never in the address; the other filters go as they are.

export async function searchRegisterAction(form: unknown): Promise<void> {
  const actor = await getActor();
  if (!can(actor, CABINET_PERMISSION.tck)) redirect("/login");
  if (!(form instanceof FormData)) redirect("/tck");
  const fields = Object.fromEntries(
    [...form.entries()]
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([k, v]) => [k, v.slice(0, 100)]),
  );
  const { q, ...rest } = compactFilter(fields);
  const params = new URLSearchParams(rest);
  const sealed = sealSearch(q);
  if (sealed) params.set("s", sealed);
  const query = params.toString();
  redirect(`/tck${query ? `?${query}` : ""}`);
}
