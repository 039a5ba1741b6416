import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { NoticeKind, NoticeStatus } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import type { MarkRecord, PersonRecord, TccRecord, TccRegisterRow } from "@/lib/registry";
import { z } from "@/lib/zod";
import { loadActingTcc } from "./acting-tcc";

// A person's record as the officer opens it: the registry's data, the reservation history,
// the notices and refusals of this ТЦК. Only a person of the officer's own ТЦК (anyone else is
// "not found"), and every opening is written to the audit log in the same transaction as the read.

export const ZRegisterPersonInput = z.object({ rnokpp: z.string().regex(/^\d{10}$/) });

export type RegisterPersonView = {
  /** The officer's own ТЦК (its address is the default place of a referral). */
  tcc: TccRecord;
  row: TccRegisterRow;
  person: PersonRecord;
  marks: MarkRecord[];
  notices: Array<{
    id: string;
    seq: bigint;
    kind: NoticeKind;
    status: NoticeStatus;
    appearAt: Date;
    createdAt: Date;
    withdrawnReason: string | null;
    trackingNumber: string | null;
  }>;
  refusals: Array<{ id: string; kind: string; reasons: string[]; message: string; at: Date }>;
};

export async function getRegisterPerson(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<RegisterPersonView> {
  const { rnokpp } = parseInput(ZRegisterPersonInput, input);
  const { actor, tcc } = await loadActingTcc(ctx, "register.read");
  const today = kyivDate(ctx.now);
  const page = await ctx.registry.listTccRegister(tcc.name, { q: rnokpp }, { after: null, limit: 1, today });
  const row = page.rows[0];
  const person = row ? await ctx.registry.findPerson(rnokpp) : null;
  if (!row || !person) throw new AppError("NOT_FOUND", "Особу не знайдено в реєстрі цього ТЦК та СП");
  const [marks, notices, refusals] = await Promise.all([
    ctx.registry.findMarksOf(rnokpp),
    ctx.db.notice.findMany({
      where: { rnokpp, tcc: tcc.name },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        seq: true,
        kind: true,
        status: true,
        appearAt: true,
        createdAt: true,
        withdrawnReason: true,
        trackingNumber: true,
      },
    }),
    ctx.db.noticeRefusal.findMany({
      where: { rnokpp, batch: { tcc: tcc.name } },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, kind: true, reasons: true, message: true, at: true },
    }),
  ]);
  await writeAudit(ctx.db, {
    actor: { rnokpp: actor.rnokpp, role: actor.role },
    action: "register.person.view",
    entityType: "person",
    entityId: rnokpp,
    details: { tcc: tcc.name },
  });
  return { tcc, row, person, marks, notices, refusals };
}
