import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "./actor-rnokpp";
import { MY_NOTICE_SELECT, toMyNotice, type MyNotice } from "./notice-view";

export type MyNotices = { notices: MyNotice[]; noticeSentAlerts: boolean };

/**
 * The notices (повістки) addressed to the signed-in citizen, newest first, and whether they
 * asked to be told when the ТЦК sends one by post. Scoped to the session's РНОКПП: a person
 * the law protects never has one here, because none is ever formed for them.
 */
export async function listMyNotices(ctx: Ctx<"db"> & { actor: Actor | null }): Promise<MyNotices> {
  const rnokpp = citizenRnokpp(ctx.actor, "record.read");
  const [rows, preference] = await Promise.all([
    ctx.db.notice.findMany({
      where: { rnokpp },
      orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
      take: 100,
      select: MY_NOTICE_SELECT,
    }),
    ctx.db.citizenPreference.findUnique({ where: { rnokpp }, select: { noticeSentAlerts: true } }),
  ]);
  return { notices: rows.map(toMyNotice), noticeSentAlerts: preference?.noticeSentAlerts ?? false };
}
