import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { isoDateToUtc } from "@/lib/rules/calendar";
import { checkVisitSlot } from "@/lib/rules/visit-slots";
import { centreHours } from "./centre-hours";
import { kyivNow } from "./kyiv-clock";
import { notifyCentreRecruiters } from "./notify-centre-recruiters";
import { VISIT_PURPOSES, ZBookVisit } from "./schemas";

/**
 * A citizen books a visit to a recruitment centre in one slot. The centre's row is locked for the
 * transaction (SELECT … FOR UPDATE), so two bookings of the last place cannot both count it
 * free; one open visit a day per person is a unique key. Refusals (past, closed day, off the
 * grid, beyond the horizon, full) change nothing.
 */
export async function bookCentreVisit(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ visitId: string; day: string; time: string }> {
  const rnokpp = citizenRnokpp(ctx.actor, "centres.book");
  const { centreId, day, time, purpose } = parseInput(ZBookVisit, input);
  const person = await ctx.registry.findPerson(rnokpp);
  if (!person) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");

  return inTransaction(ctx.db, async (tx) => {
    const [centre] = await tx.$queryRaw<
      Array<{
        id: string;
        name: string;
        address: string;
        weekdays: number[];
        opensAt: string;
        closesAt: string;
        slotMinutes: number;
        capacity: number;
      }>
    >`
      SELECT id, name, address, weekdays, "opensAt", "closesAt", "slotMinutes", capacity FROM public.recruitment_centres WHERE id = ${centreId}::uuid FOR UPDATE`;
    if (!centre) throw new AppError("CENTRE_NOT_FOUND");
    const booked = await tx.centreVisit.count({ where: { centreId, day: isoDateToUtc(day), time, status: "BOOKED" } });
    const check = checkVisitSlot(centreHours(centre), { day, time, now: kyivNow(ctx.now), booked });
    if (!check.ok)
      throw new AppError(check.reason === "FULL" ? "VISIT_SLOT_FULL" : "VISIT_SLOT_REFUSED", check.message);

    const openKey = `${rnokpp}:${day}`;
    if (await tx.centreVisit.findUnique({ where: { openKey }, select: { id: true } }))
      throw new AppError("VISIT_ALREADY_BOOKED");
    const visit = await tx.centreVisit.create({
      data: {
        centreId,
        rnokpp,
        fullName: person.fullName,
        day: isoDateToUtc(day),
        time,
        purpose,
        openKey,
        createdAt: ctx.now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: { rnokpp, role: ctx.actor.role },
      action: "centreVisit.book",
      entityType: "CentreVisit",
      entityId: visit.id,
      details: { centreId, day, time, purpose },
    });
    await notify(tx, [
      {
        recipientRnokpp: rnokpp,
        audience: "me",
        kind: "centreVisit.booked",
        title: "Запис на візит до рекрутингового центру підтверджено",
        body: `Вас записано на ${formatDate(day)} о ${time}: ${centre.name}, ${centre.address}. Мета — ${VISIT_PURPOSES[purpose].toLowerCase()}. Візьміть паспорт і РНОКПП. Напередодні візиту надішлемо нагадування. Якщо плани змінилися, скасуйте запис у кабінеті.`,
        link: "/me/centres",
        email: true,
      },
    ]);
    await notifyCentreRecruiters(tx, centreId, {
      kind: "centreVisit.booked",
      title: "Новий запис на візит",
      body: `${person.fullName} записався на ${formatDate(day)} о ${time} (${VISIT_PURPOSES[purpose].toLowerCase()}).`,
      link: `/centre?day=${day}`,
    });
    return { visitId: visit.id, day, time };
  });
}
