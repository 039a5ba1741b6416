import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, kyivDate } from "@/lib/format";
import { withdrawNoticesOnProtection } from "@/lib/notices/withdraw-notices-on-protection";
import { notify } from "@/lib/notifications";
import { z } from "@/lib/zod";
import { loadActingTcc } from "./acting-tcc";

// The ТЦК grants a deferment (відстрочка) on a ground, with a term: the registry records it and,
// in the same transaction, every undelivered mobilisation notice to the person is withdrawn.

export const DEFERMENT_GROUNDS = [
  "навчання у закладі освіти",
  "троє і більше дітей віком до 18 років",
  "інвалідність",
  "догляд за особою з інвалідністю I чи II групи",
  "тимчасова непридатність за висновком ВЛК",
] as const;

export const ZGrantDeferment = z.object({
  rnokpp: z.string().regex(/^\d{10}$/),
  ground: z.enum(DEFERMENT_GROUNDS, "Оберіть підставу відстрочки"),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Вкажіть дату завершення відстрочки"),
});

export async function grantDeferment(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ withdrawn: number }> {
  const data = parseInput(ZGrantDeferment, input);
  const today = kyivDate(ctx.now);
  if (data.until <= today)
    throw new AppError("DEFERMENT_INVALID", "Дата завершення відстрочки має бути пізнішою за сьогоднішню", {
      fields: { until: "Дата має бути в майбутньому" },
    });
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { actor, tcc } = await loadActingTcc(txCtx, "deferments.grant");
    const facts = await ctx.registry.findNoticeFacts([data.rnokpp], today);
    if (facts.get(data.rnokpp)?.registration?.tcc !== tcc.name)
      throw new AppError("NOT_FOUND", "Особу не знайдено в реєстрі цього ТЦК та СП");
    await ctx.registry.grantDeferment(tx, data.rnokpp, { ground: data.ground, until: data.until });
    const withdrawn = await withdrawNoticesOnProtection(
      { db: tx, now: ctx.now },
      { rnokpps: [data.rnokpp], cause: { kind: "DEFERRED", ground: data.ground } },
    );
    await notify(tx, [
      {
        recipientRnokpp: data.rnokpp,
        audience: "me",
        kind: "deferment.granted",
        title: "Вам надано відстрочку",
        body:
          `${tcc.name} надав вам відстрочку від призову під час мобілізації: ${data.ground}, до ${formatDate(data.until)}. ` +
          "Відомості внесено до реєстру «Оберіг»; якщо ви формували еВОД раніше, сформуйте новий — він покаже відстрочку.",
        link: "/me",
      },
    ]);
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "deferment.grant",
      entityType: "person",
      entityId: data.rnokpp,
      details: { tcc: tcc.name, ground: data.ground, until: data.until, withdrawnNotices: withdrawn },
    });
    return { withdrawn };
  });
}
