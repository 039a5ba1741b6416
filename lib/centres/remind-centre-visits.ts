import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { formatDate } from "@/lib/format";
import { kyivDate } from "@/lib/format/date";
import { notify } from "@/lib/notifications";
import { addDays, isoDateToUtc } from "@/lib/rules/calendar";
import { VISIT_PURPOSES } from "./schemas";

/**
 * The day-before reminder: every booked (not cancelled) visit whose day is tomorrow by the Kyiv
 * calendar of `ctx.now` gets one notification to the citizen (in the cabinet and by e-mail).
 * The visits are marked (`remindedAt`) by the same statement that picks them, in the same
 * transaction as the notifications, so a second run — or two workers at once — writes nothing.
 */
export async function remindCentreVisits(ctx: Ctx<"db" | "now">): Promise<{ day: string; reminded: number }> {
  const day = addDays(kyivDate(ctx.now), 1);
  return inTransaction(ctx.db, async (tx) => {
    const visits = await tx.$queryRaw<
      Array<{ rnokpp: string; time: string; purpose: string; name: string; address: string }>
    >`
      UPDATE public.centre_visits v SET "remindedAt" = ${ctx.now}
      FROM public.recruitment_centres c
      WHERE c.id = v."centreId" AND v.day = ${isoDateToUtc(day)}::date AND v.status = 'BOOKED'
        AND v."remindedAt" IS NULL
      RETURNING v.rnokpp, v.time, v.purpose, c.name, c.address`;
    await notify(
      tx,
      visits.map((visit) => ({
        recipientRnokpp: visit.rnokpp,
        audience: "me" as const,
        kind: "centreVisit.reminder",
        title: "Нагадування про візит до рекрутингового центру",
        body: `Нагадування: завтра, ${formatDate(day)}, о ${visit.time} — візит до рекрутингового центру: ${visit.name}, ${visit.address}. Мета — ${(VISIT_PURPOSES[visit.purpose as keyof typeof VISIT_PURPOSES] ?? visit.purpose).toLowerCase()}. Візьміть паспорт і РНОКПП. Якщо плани змінилися, скасуйте запис у кабінеті.`,
        link: "/me/centres",
        email: true,
      })),
    );
    return { day, reminded: visits.length };
  });
}
