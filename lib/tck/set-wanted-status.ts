import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { withDb } from "@/lib/context-server";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, kyivDate } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { z } from "@/lib/zod";
import { loadActingTcc } from "./acting-tcc";

// The ТЦК puts a person of its own register on the wanted list («Оголосити в розшук») or takes
// them off it («Зняти з розшуку»), with a reason. The registry's record, the audit row and the
// person's notification are written in one transaction: a failed write leaves no notification.

export const ZSetWantedStatus = z.object({
  rnokpp: z.string().regex(/^\d{10}$/, "РНОКПП має містити 10 цифр"),
  wanted: z.boolean("Оберіть дію: оголосити в розшук чи зняти з розшуку"),
  reason: z
    .string("Вкажіть підставу")
    .trim()
    .min(5, "Вкажіть підставу (щонайменше 5 символів)")
    .max(500, "Підстава — не довше 500 символів"),
});

/** Registration statuses under which a person is no longer on the register: nobody to look for. */
const OFF_REGISTER = new Set(["REMOVED", "EXCLUDED", "NOT_REGISTERED"]);

export async function setWantedStatus(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ wanted: boolean }> {
  const data = parseInput(ZSetWantedStatus, input);
  const today = kyivDate(ctx.now);
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = withDb(ctx, tx);
    const { actor, tcc } = await loadActingTcc(txCtx, "register.update");
    const person = await txCtx.registry.findPerson(data.rnokpp);
    const military = person?.military;
    if (!military || military.tcc !== tcc.name)
      throw new AppError("NOT_FOUND", "Особу не знайдено в реєстрі цього ТЦК та СП");
    const refuse = (message: string) => new AppError("REGISTER_CHANGE_REFUSED", message);
    if (data.wanted) {
      if (military.wanted) throw refuse("Особа вже перебуває в розшуку");
      if (OFF_REGISTER.has(military.status))
        throw refuse("Особа не перебуває на військовому обліку: оголосити її в розшук не можна");
      if (military.mobilisedOn) throw refuse("Особа проходить військову службу: оголосити її в розшук не можна");
    } else {
      if (!military.wanted) throw refuse("Особа не перебуває в розшуку");
      if (military.wantedCriminal)
        throw refuse(
          "Особу розшукують у кримінальному провадженні (статті 336, 337 Кримінального кодексу України): зняти її з розшуку ТЦК та СП не може",
        );
    }
    // False only when another officer changed it a moment ago: refuse rather than notify twice.
    if (!(await txCtx.registry.setWanted(tx, data.rnokpp, data.wanted)))
      throw refuse(data.wanted ? "Особа вже перебуває в розшуку" : "Особа не перебуває в розшуку");

    await notify(tx, [
      data.wanted
        ? {
            recipientRnokpp: data.rnokpp,
            audience: "me",
            kind: "register.wanted",
            title: "Вас оголошено в розшук ТЦК та СП",
            body:
              `${tcc.name} ${formatDate(today)} оголосив вас у розшук. Підстава: ${data.reason}. ` +
              `Зверніться до ${tcc.name} (${tcc.address}), щоб уточнити облікові дані. ` +
              "Поки ви в розшуку, бронювання за місцем роботи, як правило, неможливе.",
            link: "/me",
          }
        : {
            recipientRnokpp: data.rnokpp,
            audience: "me",
            kind: "register.wanted-lifted",
            title: "Вас знято з розшуку ТЦК та СП",
            body: `${tcc.name} ${formatDate(today)} зняв вас із розшуку. Підстава: ${data.reason}. Нічого робити не потрібно.`,
            link: "/me",
          },
    ]);
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: data.wanted ? "register.wanted.declare" : "register.wanted.lift",
      entityType: "person",
      entityId: data.rnokpp,
      details: { tcc: tcc.name, reason: data.reason },
    });
    return { wanted: data.wanted };
  });
}
