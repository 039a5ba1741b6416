import os from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/auth/roles";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { kyivDate } from "@/lib/format";
import { formNotices } from "@/lib/notices/form-notices";
import { addDays } from "@/lib/rules";
import { checkAppearance } from "@/lib/rules/notices";
import { DEMO_USERS } from "@/prisma/seed";
import { DEMO_TCC } from "@/prisma/seed/demo-users";
import { log, runScript } from "../db/run-script";
import { prepareSeededDatabase, releaseDatabase, useDatabase } from "./support/bench-database";
import { median, summary } from "./support/stats";

// npm run bench -- notices [--runs N] [--persons N]: the demo officer forms mobilisation notices
// for the whole register of one ТЦК of 10,000 people (a filter with nothing narrowed), from the
// registry at that moment: every person decided by the notice rules, the protected refused with
// their reasons, the rest formed with numbers and QR codes, all in one transaction with its audit
// row. The 10,000 are the seeded registry's own people (with their real reservations, deferments,
// service and ages), gathered into the demo ТЦК in each run's fresh copy — nothing is seeded
// nationally. Target: ≤ 5 s for the batch (median).

const PEOPLE = 10_000;
const TARGET_MS = 5_000;

await runScript(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { runs: { type: "string", default: "3" } },
    strict: false,
  });
  const runs = Math.max(1, Math.min(10, Number(values.runs) || 3));
  const officer = DEMO_USERS.find((user) => user.key === "tck-officer")!;
  const bench = await prepareSeededDatabase({ log });
  log(
    `Повістки про мобілізацію для щонайменше ${PEOPLE.toLocaleString("uk-UA")} осіб ${DEMO_TCC}: ${runs} прогонів, реєстр ${bench.persons.toLocaleString("uk-UA")} осіб`,
  );

  const times: number[] = [];
  let people = PEOPLE;
  let last: { formed: number; refused: number; byReason: Record<string, number> } | null = null;
  try {
    for (let run = 1; run <= runs; run++) {
      const name = `bench_notices_${run}`;
      const url = await bench.clone(name);
      await useDatabase(url);
      try {
        people = await gatherIntoTcc(DEMO_TCC, PEOPLE);
        const user = await db.user.findFirstOrThrow({ where: { rnokpp: officer.rnokpp }, select: { id: true } });
        const actor: Actor = {
          userId: user.id,
          rnokpp: officer.rnokpp,
          fullName: officer.fullName,
          role: "TCK_OFFICER",
          tcc: DEMO_TCC,
          via: "password",
        };
        const now = new Date();
        const today = kyivDate(now);
        let appearDate = addDays(today, 3);
        while (checkAppearance({ date: appearDate, time: "09:00" }, today).length > 0)
          appearDate = addDays(appearDate, 1);

        const started = performance.now();
        const batch = await formNotices(createCtx({ actor, now }), {
          kind: "MOBILISATION",
          appearDate,
          appearTime: "09:00",
          place: `${DEMO_TCC}, зал очікування`,
          selection: { by: "filter", filter: {} },
        });
        const ms = performance.now() - started;
        times.push(ms);
        const byReason: Record<string, number> = {};
        for (const refusal of batch.refused) byReason[refusal.codes[0]!] = (byReason[refusal.codes[0]!] ?? 0) + 1;
        const stored = await db.notice.count({ where: { batchId: batch.batchId } });
        if (stored !== batch.formed || batch.formed + batch.refused.length !== people) {
          throw new Error(
            `Пакет неповний: сформовано ${batch.formed} (у базі ${stored}), відмовлено ${batch.refused.length}, а осіб ${people}`,
          );
        }
        last = { formed: batch.formed, refused: batch.refused.length, byReason };
        log(
          `  прогін ${run}: ${ms.toFixed(0)} мс; сформовано ${batch.formed}, відмовлено ${batch.refused.length} (${Object.entries(
            byReason,
          )
            .map(([code, n]) => `${code} ${n}`)
            .join(", ")})`,
        );
      } finally {
        await releaseDatabase();
        await bench.drop(name);
      }
    }
  } finally {
    await bench.stop();
  }
  log(`Формування пакета з ${people.toLocaleString("uk-UA")} осіб: ${summary(times)}`);
  const medianMs = Math.round(median(times));
  console.log(
    JSON.stringify({
      bench: "notices",
      cpus: os.cpus().length,
      loadavg: os.loadavg()[0],
      persons: bench.persons,
      tcc: DEMO_TCC,
      people,
      runs,
      medianMs,
      maxMs: Math.round(Math.max(...times)),
      formed: last?.formed,
      refused: last?.refused,
      refusedByReason: last?.byReason,
      targetMs: TARGET_MS,
      targetMet: medianMs <= TARGET_MS,
    }),
  );
  return 0;
});

/**
 * Moves registered people of other ТЦК into `tcc` until it has `people` on its register; a ТЦК
 * that has more already (the national seed's districts hold 10,000–12,000) is measured with all
 * of them. Returns how many are on its register.
 */
async function gatherIntoTcc(tcc: string, people: number): Promise<number> {
  const counts = await db.$queryRaw<Array<{ total: number; here: number }>>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE tcc = ${tcc})::int AS here FROM oberig.military_registrations`;
  const { total, here } = counts[0]!;
  if (total < people)
    throw new Error(
      `У реєстрі лише ${total} осіб на військовому обліку, потрібно ${people}: запустіть з --persons 100000`,
    );
  if (here >= people) return here;
  await db.$executeRaw`
    UPDATE oberig.military_registrations SET tcc = ${tcc}
    WHERE rnokpp IN (SELECT rnokpp FROM oberig.military_registrations WHERE tcc <> ${tcc} ORDER BY rnokpp LIMIT ${people - here})`;
  await db.$executeRaw`ANALYZE oberig.military_registrations`;
  return people;
}
