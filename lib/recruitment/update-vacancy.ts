import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { recruiterUnitId } from "./recruiter-unit";
import { ZUpdateVacancy } from "./schemas";

/** A recruiter edits an open vacancy of their own unit; another unit's is NOT_FOUND, a closed one stays as it was. */
export async function updateVacancy(ctx: Ctx<"actor" | "db">, input: unknown) {
  const { actor, db } = ctx;
  const unitId = recruiterUnitId(actor, "vacancies.manage");
  const { vacancyId, ...fields } = parseInput(ZUpdateVacancy, input);
  return inTransaction(db, async (tx) => {
    const current = await tx.vacancy.findFirst({ where: { id: vacancyId, unitId }, select: { status: true } });
    if (!current) throw new AppError("NOT_FOUND", "Вакансію не знайдено");
    const { count } = await tx.vacancy.updateMany({ where: { id: vacancyId, unitId, status: "OPEN" }, data: fields });
    if (count === 0) throw new AppError("CONFLICT", "Закриту вакансію змінити не можна");
    await writeAudit(tx, {
      actor: { rnokpp: actor!.rnokpp, role: actor!.role },
      action: "vacancy.update",
      entityType: "Vacancy",
      entityId: vacancyId,
      details: { unitId },
    });
    return { id: vacancyId };
  });
}
