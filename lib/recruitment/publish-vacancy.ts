import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { recruiterUnitId } from "./recruiter-unit";
import { ZVacancyInput } from "./schemas";

/** A recruiter publishes a vacancy of their own unit; it opens in the catalogue at once. */
export async function publishVacancy(ctx: Ctx<"actor" | "db" | "now">, input: unknown) {
  const { actor, db, now } = ctx;
  const unitId = recruiterUnitId(actor, "vacancies.manage");
  const fields = parseInput(ZVacancyInput, input);
  return inTransaction(db, async (tx) => {
    const vacancy = await tx.vacancy.create({
      data: { ...fields, unitId, status: "OPEN", publishedAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: { rnokpp: actor!.rnokpp, role: actor!.role },
      action: "vacancy.publish",
      entityType: "Vacancy",
      entityId: vacancy.id,
      details: { unitId, title: fields.title },
    });
    return vacancy;
  });
}
