import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { recruiterUnitId } from "./recruiter-unit";
import { ZVacancyInput } from "./schemas";

/** A recruiter publishes a vacancy of their own unit; it opens in the catalogue at once. */
export async function publishVacancy({ actor, input, now, db = defaultDb }: { actor: Actor | null; input: unknown; now: Date; db?: Db }) {
  const unitId = recruiterUnitId(actor, "vacancies.manage");
  const fields = parseInput(ZVacancyInput, input);
  return db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.create({ data: { ...fields, unitId, status: "OPEN", publishedAt: now }, select: { id: true } });
    await writeAudit(tx, { actor: { rnokpp: actor!.rnokpp, role: actor!.role }, action: "vacancy.publish", entityType: "Vacancy", entityId: vacancy.id, details: { unitId, title: fields.title } });
    return vacancy;
  });
}
