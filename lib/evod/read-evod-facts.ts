import "server-only";
import { currentMark } from "@/lib/citizen/current-mark";
import type { MarkRecord, Registry } from "@/lib/registry";
import { buildEvodSnapshot, type EvodSnapshot } from "./snapshot";

export type EvodFacts = { snapshot: EvodSnapshot; marks: MarkRecord[] } | null;

/** The registry's facts as an еВОД would show them today; null when the registry has no such person. */
export async function readEvodFacts(registry: Registry, rnokpp: string, today: string): Promise<EvodFacts> {
  const [person, marks] = await Promise.all([registry.findPerson(rnokpp), registry.findMarksOf(rnokpp)]);
  if (!person) return null;
  const current = currentMark(marks, today);
  const enterprise = current ? await registry.findEnterprise(current.edrpou) : null;
  const reservation = current
    ? {
        markId: current.id,
        edrpou: current.edrpou,
        enterpriseName: enterprise?.name ?? current.edrpou,
        fromDate: current.fromDate,
        untilDate: current.untilDate,
      }
    : null;
  return { snapshot: buildEvodSnapshot(person, reservation), marks };
}
