import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import type { NoticeFactsRow } from "@/lib/registry";
import {
  APPEARANCE_PROBLEM_LABELS,
  checkAppearance,
  decideNotice,
  noticeRefusalMessage,
  type NoticePersonFacts,
} from "@/lib/rules/notices";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { kyivWallClockToInstant } from "./kyiv-time";
import { lockForForming } from "./notice-lock";
import { MAX_BATCH, ZFormNotices } from "./schemas";

// Forming a batch: the officer names people (or a filter) of their ТЦК, a kind, the day, time
// and place to appear. In one transaction, from the registry as it is at that moment, each person
// is decided by the notice rules (lib/rules/notices): the protected are refused with their
// reasons, the rest get a notice with a unique number and QR code, waiting for the head's
// signature. Another ТЦК's person, a bad date or an empty selection refuse the whole batch.

export type FormedBatch = {
  batchId: string;
  formed: number;
  refused: Array<{ rnokpp: string; fullName: string; reasons: string[]; codes: string[] }>;
};

export function toNoticeFacts(row: NoticeFactsRow): NoticePersonFacts {
  const r = row.registration;
  return {
    rnokpp: row.rnokpp,
    sex: row.sex,
    birthDate: row.birthDate,
    military: r
      ? {
          status: r.status,
          liability: r.liability,
          deferment: r.deferment,
          defermentUntil: r.defermentUntil,
          mobilisedOn: r.mobilisedOn,
        }
      : null,
    reservation: r?.reservation ?? null,
  };
}

export async function formNotices(ctx: Ctx<"actor" | "db" | "registry" | "now">, input: unknown): Promise<FormedBatch> {
  const data = parseInput(ZFormNotices, input);
  const today = kyivDate(ctx.now);
  const problems = checkAppearance({ date: data.appearDate, time: data.appearTime }, today);
  if (problems.length > 0) {
    throw new AppError("NOTICE_APPEARANCE_INVALID", problems.map((p) => APPEARANCE_PROBLEM_LABELS[p]).join("; "), {
      fields: { appearDate: APPEARANCE_PROBLEM_LABELS[problems[0]!] },
    });
  }
  const appearAt = kyivWallClockToInstant(data.appearDate, data.appearTime);

  return inTransaction(
    ctx.db,
    async (tx) => {
      const txCtx = { ...ctx, db: tx, registry: ctx.registry };
      const { actor, tcc } = await loadActingTcc(txCtx, "notices.form");
      await lockForForming(tx);
      const registry = txCtx.registry;

      const rnokpps =
        data.selection.by === "people"
          ? [...new Set(data.selection.rnokpps)]
          : await registry.findTccRegisterRnokpps(tcc.name, data.selection.filter, { today, limit: MAX_BATCH + 1 });
      if (rnokpps.length === 0)
        throw new AppError(
          "NOTICE_SELECTION_EMPTY",
          data.selection.by === "filter" ? "За цим фільтром у реєстрі ТЦК нікого не знайдено" : undefined,
        );
      if (rnokpps.length > MAX_BATCH)
        throw new AppError(
          "NOTICE_SELECTION_TOO_LARGE",
          `В одному пакеті — не більше ${MAX_BATCH} осіб: звузьте фільтр`,
        );

      const facts = await registry.findNoticeFacts(rnokpps, today);
      const foreign = rnokpps.filter((rnokpp) => facts.get(rnokpp)?.registration?.tcc !== tcc.name);
      if (foreign.length > 0) {
        throw new AppError(
          "NOTICE_PERSON_OTHER_TCC",
          `${foreign.length} з вибраних осіб не перебувають на обліку в ${tcc.name}: повістки не сформовано`,
          { details: { count: foreign.length } },
        );
      }

      const batch = await tx.noticeBatch.create({
        data: {
          tcc: tcc.name,
          kind: data.kind,
          appearAt,
          place: data.place,
          formedByRnokpp: actor.rnokpp,
          formedByName: actor.fullName,
          formedAt: ctx.now,
        },
        select: { id: true },
      });
      const formed: Array<{ rnokpp: string; fullName: string; code: string }> = [];
      const refused: FormedBatch["refused"] = [];
      for (const rnokpp of rnokpps) {
        const row = facts.get(rnokpp)!;
        const decision = decideNotice(toNoticeFacts(row), { kind: data.kind, today, appearOn: data.appearDate });
        if (decision.formed)
          formed.push({ rnokpp, fullName: row.fullName, code: randomBytes(16).toString("base64url") });
        else
          refused.push({
            rnokpp,
            fullName: row.fullName,
            codes: decision.reasons.map((r) => r.code),
            reasons: decision.reasons.map(noticeRefusalMessage),
          });
      }
      await insertNotices(
        tx,
        { batchId: batch.id, tcc: tcc.name, kind: data.kind, appearAt, place: data.place, now: ctx.now },
        formed,
      );
      await insertRefusals(tx, { batchId: batch.id, kind: data.kind, now: ctx.now }, refused);
      await writeAudit(tx, {
        actor: { rnokpp: actor.rnokpp, role: actor.role },
        action: "notices.form",
        entityType: "notice_batch",
        entityId: batch.id,
        details: {
          tcc: tcc.name,
          kind: data.kind,
          appearAt: appearAt.toISOString(),
          formed: formed.length,
          refused: refused.length,
        },
      });
      return { batchId: batch.id, formed: formed.length, refused };
    },
    { timeout: 120_000 },
  );
}

type BatchFields = { batchId: string; tcc: string; kind: string; appearAt: Date; place: string; now: Date };

// Thousands at once: one INSERT … SELECT FROM json_to_recordset (createMany spends seconds on 10,000 rows).
async function insertNotices(
  tx: Parameters<typeof lockForForming>[0],
  batch: BatchFields,
  rows: ReadonlyArray<{ rnokpp: string; fullName: string; code: string }>,
) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ rnokpp: r.rnokpp, full_name: r.fullName, code: r.code })));
  await tx.$executeRaw`
    INSERT INTO public.notices (id, code, "batchId", rnokpp, "fullName", tcc, kind, "appearAt", place, status, "statusAt", "createdAt")
    SELECT gen_random_uuid(), x.code, ${batch.batchId}::uuid, x.rnokpp, x.full_name, ${batch.tcc}, ${batch.kind}::"NoticeKind", ${batch.appearAt}, ${batch.place}, 'FORMED', ${batch.now}, ${batch.now}
    FROM json_to_recordset(${json}::json) AS x(rnokpp text, full_name text, code text)`;
}

async function insertRefusals(
  tx: Parameters<typeof lockForForming>[0],
  batch: Omit<BatchFields, "tcc" | "appearAt" | "place">,
  rows: FormedBatch["refused"],
) {
  if (rows.length === 0) return;
  // One row per person with every reason code; the message names them all.
  const json = JSON.stringify(
    rows.map((r) => ({ rnokpp: r.rnokpp, full_name: r.fullName, reasons: r.codes, message: r.reasons.join("; ") })),
  );
  await tx.$executeRaw`
    INSERT INTO public.notice_refusals (id, "batchId", rnokpp, "fullName", kind, reasons, message, at)
    SELECT gen_random_uuid(), ${batch.batchId}::uuid, x.rnokpp, x.full_name, ${batch.kind}::"NoticeKind", ARRAY(SELECT jsonb_array_elements_text(x.reasons)), x.message, ${batch.now}
    FROM jsonb_to_recordset(${json}::jsonb) AS x(rnokpp text, full_name text, reasons jsonb, message text)`;
}
