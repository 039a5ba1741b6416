import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { z } from "@/lib/zod";
import { citizenRnokpp } from "./actor-rnokpp";

// «Повідомляти, коли ТЦК надішле повістку поштою»: off until the citizen turns it on. The choice
// and its audit row are written together; the message it enables is sent by notifyNoticesSent.

export const ZNoticeAlerts = z.object({
  enabled: z
    .enum(["true", "false"], "Оберіть, чи повідомляти про надіслані повістки")
    .transform((value) => value === "true"),
});

export async function setNoticeAlerts(
  ctx: Ctx<"db"> & { actor: Actor | null },
  input: unknown,
): Promise<{ enabled: boolean }> {
  const rnokpp = citizenRnokpp(ctx.actor, "preferences.update");
  const { enabled } = parseInput(ZNoticeAlerts, input);
  return inTransaction(ctx.db, async (tx) => {
    await tx.citizenPreference.upsert({
      where: { rnokpp },
      create: { rnokpp, noticeSentAlerts: enabled },
      update: { noticeSentAlerts: enabled },
    });
    await writeAudit(tx, {
      actor: { rnokpp, role: ctx.actor!.role },
      action: "preferences.update",
      entityType: "citizen_preference",
      entityId: rnokpp,
      details: { noticeSentAlerts: enabled },
    });
    return { enabled };
  });
}
