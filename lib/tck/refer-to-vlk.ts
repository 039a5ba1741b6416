import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { withDb } from "@/lib/context-server";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDateTime, kyivDate } from "@/lib/format";
import { kyivWallClockToInstant } from "@/lib/notices/kyiv-time";
import { notify } from "@/lib/notifications";
import { APPEARANCE_PROBLEM_LABELS, checkAppearance } from "@/lib/rules/notice-appearance";
import { z } from "@/lib/zod";
import { loadActingTcc } from "./acting-tcc";

// The ТЦК refers a person of its own register to the military medical commission (ВЛК) by an
// electronic referral: a date, time and place to appear, on a working day within the ТЦК's
// hours, as for a notice. The registry keeps the latest referral; the audit row and the
// person's notification are written in the same transaction.

export const ZReferToVlk = z.object({
  rnokpp: z.string().regex(/^\d{10}$/, "РНОКПП має містити 10 цифр"),
  date: z.string("Вкажіть дату явки").regex(/^\d{4}-\d{2}-\d{2}$/, "Вкажіть дату явки"),
  time: z.string("Вкажіть час явки").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Вкажіть час явки (ГГ:ХХ)"),
  place: z
    .string("Вкажіть місце проходження ВЛК")
    .trim()
    .min(5, "Вкажіть місце проходження ВЛК")
    .max(300, "Місце — не довше 300 символів"),
});

const OFF_REGISTER = new Set(["REMOVED", "EXCLUDED", "NOT_REGISTERED"]);

export async function referToVlk(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ at: Date; place: string }> {
  const data = parseInput(ZReferToVlk, input);
  const problems = checkAppearance({ date: data.date, time: data.time }, kyivDate(ctx.now));
  if (problems.length > 0)
    throw new AppError("VLK_REFERRAL_INVALID", problems.map((p) => APPEARANCE_PROBLEM_LABELS[p]).join("; "), {
      fields: { date: APPEARANCE_PROBLEM_LABELS[problems[0]!] },
    });
  const at = kyivWallClockToInstant(data.date, data.time);
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = withDb(ctx, tx);
    const { actor, tcc } = await loadActingTcc(txCtx, "register.update");
    const military = (await txCtx.registry.findPerson(data.rnokpp))?.military;
    if (!military || military.tcc !== tcc.name)
      throw new AppError("NOT_FOUND", "Особу не знайдено в реєстрі цього ТЦК та СП");
    if (OFF_REGISTER.has(military.status))
      throw new AppError(
        "REGISTER_CHANGE_REFUSED",
        "Особа не перебуває на військовому обліку: направити її на ВЛК не можна",
      );
    if (military.mobilisedOn)
      throw new AppError(
        "REGISTER_CHANGE_REFUSED",
        "Особа проходить військову службу: на ВЛК її направляє військова частина",
      );
    await txCtx.registry.referToVlk(tx, data.rnokpp, { at, place: data.place });
    await notify(tx, [
      {
        recipientRnokpp: data.rnokpp,
        audience: "me",
        kind: "register.vlk-referral",
        title: "Вас направлено на ВЛК",
        body:
          `${tcc.name} направив вас на військово-лікарську комісію (електронне направлення). ` +
          `З'явіться ${formatDateTime(at)} за адресою: ${data.place}. ` +
          "Візьміть паспорт, військово-обліковий документ і медичні документи, якщо вони є.",
        link: "/me",
      },
    ]);
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "register.vlk.refer",
      entityType: "person",
      entityId: data.rnokpp,
      details: { tcc: tcc.name, at: at.toISOString(), place: data.place },
    });
    return { at, place: data.place };
  });
}
