import { randomBytes } from "node:crypto";
import type pg from "pg";
import { kyivWallClockToInstant } from "@/lib/notices/kyiv-time";
import { checkAppearance, decideNotice, noticeRefusalMessage, type NoticePersonFacts } from "@/lib/rules/notices";
import { addDays } from "./dates";
import { DEMO_TCC, DEMO_USERS } from "./demo-users";

// The demo ТЦК's first batch, so that both sides of the guarantee can be seen at once: the demo
// officer formed mobilisation notices yesterday for the two demo conscripts of their ТЦК. The
// eligible one has a notice waiting for the head's signature (he sees it in /me/notices; the
// demo director reserving him withdraws it); the reserved one was refused with the reason, by the
// same pure rules formNotices applies, so he has none.

const PEOPLE = ["conscript-eligible", "conscript-reserved"] as const;
const APPEAR_TIME = "09:00";

type FactsRow = {
  rnokpp: string;
  fullName: string;
  sex: "MALE" | "FEMALE";
  birthDate: string;
  tcc: string | null;
  status: string | null;
  liability: string | null;
  deferment: string | null;
  defermentUntil: string | null;
  mobilisedOn: string | null;
  markEdrpou: string | null;
  markUntil: string | null;
};

export async function writeDemoNotices(
  client: pg.ClientBase,
  today: string,
): Promise<{ notices: number; refusals: number }> {
  const officer = DEMO_USERS.find((user) => user.key === "tck-officer");
  const rnokpps = PEOPLE.map((key) => DEMO_USERS.find((user) => user.key === key)?.rnokpp);
  if (!officer || rnokpps.some((rnokpp) => !rnokpp))
    throw new Error("internal: demo notices name a demo user that does not exist");

  let appearDate = addDays(today, 5);
  while (checkAppearance({ date: appearDate, time: APPEAR_TIME }, today).length > 0)
    appearDate = addDays(appearDate, 1);
  const appearAt = kyivWallClockToInstant(appearDate, APPEAR_TIME);
  const formedAt = kyivWallClockToInstant(addDays(today, -1), "15:00");

  const { rows: tccRows } = await client.query<{ address: string }>(
    `SELECT address FROM "oberig"."tccs" WHERE name = $1`,
    [DEMO_TCC],
  );
  if (!tccRows[0]) throw new Error(`internal: demo ТЦК «${DEMO_TCC}» is not in the registry`);
  const place = `${tccRows[0].address}, ${DEMO_TCC}, каб. 12`;

  const { rows } = await client.query<FactsRow>(
    `SELECT p.rnokpp, concat_ws(' ', p."lastName", p."firstName", p.patronymic) AS "fullName", p.sex::text AS sex, to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDate",
       r.tcc, r.status::text AS status, r.liability::text AS liability, r.deferment, to_char(r."defermentUntil", 'YYYY-MM-DD') AS "defermentUntil",
       to_char(r."mobilisedOn", 'YYYY-MM-DD') AS "mobilisedOn", m.edrpou AS "markEdrpou", to_char(m."untilDate", 'YYYY-MM-DD') AS "markUntil"
     FROM "oberig"."persons" p
     LEFT JOIN "oberig"."military_registrations" r ON r.rnokpp = p.rnokpp
     LEFT JOIN LATERAL (SELECT edrpou, "untilDate" FROM "oberig"."reservation_marks" mk
       WHERE mk.rnokpp = p.rnokpp AND mk.status = 'ACTIVE' AND mk."fromDate" <= $2::date AND mk."untilDate" >= $2::date ORDER BY mk."untilDate" DESC LIMIT 1) m ON TRUE
     WHERE p.rnokpp = ANY($1::text[]) ORDER BY p.rnokpp`,
    [rnokpps, today],
  );

  const { rows: batch } = await client.query<{ id: string }>(
    `INSERT INTO public.notice_batches (id, tcc, kind, "appearAt", place, "formedByRnokpp", "formedByName", "formedAt")
     VALUES (gen_random_uuid(), $1, 'MOBILISATION', $2, $3, $4, $5, $6) RETURNING id`,
    [DEMO_TCC, appearAt, place, officer.rnokpp, officer.fullName, formedAt],
  );
  const batchId = batch[0]!.id;
  let notices = 0;
  let refusals = 0;
  for (const row of rows) {
    if (row.tcc !== DEMO_TCC)
      throw new Error(`internal: demo conscript ${row.rnokpp} is not registered at ${DEMO_TCC}`);
    const decision = decideNotice(toFacts(row), { kind: "MOBILISATION", today, appearOn: appearDate });
    if (decision.formed) {
      await client.query(
        `INSERT INTO public.notices (id, code, "batchId", rnokpp, "fullName", tcc, kind, "appearAt", place, status, "statusAt", "createdAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'MOBILISATION', $6, $7, 'FORMED', $8, $8)`,
        [randomBytes(16).toString("base64url"), batchId, row.rnokpp, row.fullName, DEMO_TCC, appearAt, place, formedAt],
      );
      notices++;
    } else {
      await client.query(
        `INSERT INTO public.notice_refusals (id, "batchId", rnokpp, "fullName", kind, reasons, message, at) VALUES (gen_random_uuid(), $1, $2, $3, 'MOBILISATION', $4, $5, $6)`,
        [
          batchId,
          row.rnokpp,
          row.fullName,
          decision.reasons.map((r) => r.code),
          decision.reasons.map(noticeRefusalMessage).join("; "),
          formedAt,
        ],
      );
      refusals++;
    }
  }
  // The demo journeys rely on exactly this: a change to the demo people or the rules must say so here.
  if (notices !== 1 || refusals !== 1)
    throw new Error(
      `internal: the demo batch formed ${notices} notices and refused ${refusals} (expected the eligible conscript formed, the reserved one refused)`,
    );
  return { notices, refusals };
}

function toFacts(row: FactsRow): NoticePersonFacts {
  return {
    rnokpp: row.rnokpp,
    sex: row.sex,
    birthDate: row.birthDate,
    military: row.status
      ? {
          status: row.status as NonNullable<NoticePersonFacts["military"]>["status"],
          liability: row.liability as NonNullable<NoticePersonFacts["military"]>["liability"],
          deferment: row.deferment,
          defermentUntil: row.defermentUntil,
          mobilisedOn: row.mobilisedOn,
        }
      : null,
    reservation: row.markEdrpou && row.markUntil ? { edrpou: row.markEdrpou, untilDate: row.markUntil } : null,
  };
}
