import "server-only";
import type { Registry } from "@/lib/registry";
import { employmentOn, type IsoDate } from "@/lib/rules";

/** Of these persons, those employed at the enterprise on the date (a suspended contract counts). */
export async function findEmployedHere(
  registry: Registry,
  edrpou: string,
  rnokpps: readonly string[],
  date: IsoDate,
): Promise<Set<string>> {
  const records = await registry.findEmployments(edrpou, rnokpps);
  const byPerson = new Map<string, typeof records>();
  for (const r of records) byPerson.set(r.rnokpp, [...(byPerson.get(r.rnokpp) ?? []), r]);
  return new Set([...byPerson].filter(([, own]) => employmentOn(own, date).employed).map(([rnokpp]) => rnokpp));
}
