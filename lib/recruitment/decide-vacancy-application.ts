import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { recruiterUnitId } from "./recruiter-unit";
import { ZDecideVacancyApplication } from "./schemas";

/**
 * A recruiter accepts or declines an application to their own unit's vacancy, with a comment
 * (required when declining). The citizen is told in the cabinet and by e-mail.
 */
export async function decideVacancyApplication(ctx: Ctx<"actor" | "db" | "now">, input: unknown) {
  const { actor, db, now } = ctx;
  const unitId = recruiterUnitId(actor, "vacancyApplications.decide");
  const { applicationId, decision, comment } = parseInput(ZDecideVacancyApplication, input);

  return inTransaction(db, async (tx) => {
    // Scoped to the unit: another unit's application is "not found".
    const application = await tx.vacancyApplication.findFirst({
      where: { id: applicationId, vacancy: { unitId } },
      select: {
        id: true,
        rnokpp: true,
        status: true,
        vacancy: { select: { title: true, unit: { select: { code: true, name: true, phone: true } } } },
      },
    });
    if (!application) throw new AppError("NOT_FOUND", "Відгук не знайдено");
    // The guard is part of the update: a withdrawal or another recruiter's answer that lands first wins.
    const { count } = await tx.vacancyApplication.updateMany({
      where: { id: applicationId, status: "SUBMITTED" },
      data: { status: decision, decisionComment: comment, decidedAt: now, decidedByRnokpp: actor!.rnokpp },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        application.status === "WITHDRAWN" ? "Кандидат уже відкликав цей відгук" : "На цей відгук уже відповіли",
      );
    }

    await writeAudit(tx, {
      actor: { rnokpp: actor!.rnokpp, role: actor!.role },
      action: decision === "ACCEPTED" ? "vacancyApplication.accept" : "vacancyApplication.decline",
      entityType: "VacancyApplication",
      entityId: applicationId,
      details: { unitId, hasComment: comment !== null },
    });
    const { vacancy } = application;
    const accepted = decision === "ACCEPTED";
    await notify(tx, [
      {
        recipientRnokpp: application.rnokpp,
        audience: "me",
        kind: accepted ? "vacancyApplication.accepted" : "vacancyApplication.declined",
        title: accepted
          ? `Частина ${vacancy.unit.code} прийняла ваш відгук`
          : `Частина ${vacancy.unit.code} відхилила ваш відгук`,
        body: [
          `Вакансія «${vacancy.title}», ${vacancy.unit.name}.`,
          comment ? `Коментар рекрутера: ${comment}` : null,
          accepted
            ? `Далі: рекрутер зв'яжеться з вами щодо листа-відношення${vacancy.unit.phone ? ` (телефон частини ${vacancy.unit.phone})` : ""}.`
            : "Ви можете відгукнутися на інші вакансії.",
        ]
          .filter(Boolean)
          .join(" "),
        link: `/me/applications/${applicationId}`,
      },
    ]);
    return { id: applicationId, status: decision };
  });
}
