import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "@/lib/zod";
import { citizenRnokpp } from "./actor-rnokpp";
import { MY_NOTICE_SELECT, toMyNotice, type MyNotice } from "./notice-view";

export const ZMyNoticeRef = z.object({ noticeId: z.uuid("Невірне посилання на повістку") });

/** One notice of the signed-in citizen; another person's notice is not found (404), like a missing one. */
export async function getMyNotice(ctx: Ctx<"db"> & { actor: Actor | null }, input: unknown): Promise<MyNotice> {
  const rnokpp = citizenRnokpp(ctx.actor, "record.read");
  const { noticeId } = parseInput(ZMyNoticeRef, input);
  const row = await ctx.db.notice.findFirst({ where: { id: noticeId, rnokpp }, select: MY_NOTICE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "Повістку не знайдено");
  return toMyNotice(row);
}
