import { parseArgs } from "node:util";
import os from "node:os";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listEmployees, EMPLOYEE_SORTS, EMPLOYEE_STATES, type ListEmployeesInput } from "@/lib/reservations";
import { modelBuilds } from "@/lib/reservations/employee-list-model";
import { clearVersionCache } from "@/lib/reservations/version-cache";
import { registry } from "@/lib/registry";
import { REASON_CODES } from "@/lib/rules";
import { DEMO_EDRPOU, DEMO_USERS } from "@/prisma/seed";
import { log, runScript } from "../db/run-script";
import { prepareSeededDatabase, releaseDatabase, useDatabase } from "./support/bench-database";
import { percentile, summary } from "./support/stats";
import { createCtx } from "@/lib/context-server";

// npm run bench -- company-employees — the server time of one page (50 rows) of the company
// cabinet's employee list for the 10,000-employee demo enterprise, with a search and a filter,
// measured through the domain function the page calls (listEmployees, as the head, with the
// access check and the cache's version query included). Searches vary (surname fragments,
// РНОКПП prefixes), filters vary (state, eligibility, refusal reason, sort, page). Reported:
// p50/p95/p99 of ≥ 200 sequential requests, the same under 8 concurrent streams, the first page
// after a registry change about one person (the cached model patched), the first page in a new
// process (from the list the worker keeps judged in Postgres), and the cold cost of building the
// model whole (a change to the enterprise or its decision, no stored list). Targets:
// p95 ≤ 150 ms with 16 directors of 16 enterprises at once; the first page after a change ≤ 300 ms.
//   npm run bench -- company-employees [--requests N]

const TARGET_P95_MS = 150;
const TARGET_AFTER_CHANGE_MS = 300;
const CONCURRENCY = 8;
const DIRECTORS = 16;

await runScript(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { requests: { type: "string", default: "300" } },
    strict: false,
  });
  const requests = Math.max(200, Math.min(5_000, Number(values.requests) || 300));
  const edrpou = DEMO_EDRPOU.big;
  const head = DEMO_USERS.find((u) => u.key === "head-big")!;
  log(
    `Сторінка працівників підприємства ${edrpou} (10 000 працівників), 50 рядків, пошук і фільтр: ${requests} запитів`,
  );

  const bench = await prepareSeededDatabase({ log });
  const name = "bench_company_employees";
  try {
    await useDatabase(await bench.clone(name));
    const user = await db.user.findFirstOrThrow({ where: { rnokpp: head.rnokpp }, select: { id: true } });
    const actor: Actor = {
      userId: user.id,
      rnokpp: head.rnokpp,
      fullName: head.fullName,
      role: "ENTERPRISE_HEAD",
      edrpou,
      via: "password",
    };
    const staff = await db.employment.findMany({
      where: { edrpou, endDate: null },
      select: { rnokpp: true, person: { select: { lastName: true } } },
      take: 10_000,
    });
    if (staff.length < 1_000) throw new Error(`У демо-підприємстві лише ${staff.length} працівників`);
    const queries = Array.from({ length: requests }, (_, i) => variedQuery(i, staff));

    // A process meeting the enterprise for the first time reads the list the worker keeps judged
    // in Postgres (employee_list_snapshots; the harness has run the worker's job).
    const fromStored: number[] = [];
    const storedBefore = modelBuilds.fromSnapshot;
    for (let i = 0; i < 5; i++) {
      clearVersionCache();
      fromStored.push(await timed(() => listEmployees(createCtx({ actor }), { edrpou, ...queries[i]! })));
    }
    const storedUsed = modelBuilds.fromSnapshot - storedBefore;
    log(
      `Перший запит у новому процесі (список, який тримає обробник завдань): ${summary(fromStored)}; зі збереженого ${storedUsed} з ${fromStored.length}`,
    );
    // Cold: with no stored list to start from (a change to the enterprise or its decision, or a
    // process ahead of the worker) the whole staff is read and judged again.
    await db.$executeRaw`UPDATE employee_list_snapshots SET format = -format WHERE edrpou = ${edrpou}`;
    const cold: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        clearVersionCache();
        cold.push(await timed(() => listEmployees(createCtx({ actor }), { edrpou, ...queries[i]! })));
      }
    } finally {
      await db.$executeRaw`UPDATE employee_list_snapshots SET format = -format WHERE edrpou = ${edrpou}`;
    }
    log(`Холодний запит (модель 10 000 працівників будується заново): ${summary(cold)}`);

    // After a registry change: the ТЦК puts one employee on the wanted list (or takes them off
    // it), then the director opens the page. The cached model is patched: only that person is
    // read and judged again. Each change is undone at the end (the national cache is not copied).
    await listEmployees(createCtx({ actor }), { edrpou, ...queries[0]! });
    const spread = Array.from({ length: 40 }, (_, i) => staff[(i * 997 + 13) % staff.length]!.rnokpp);
    const onRegister = await db.militaryRegistration.findMany({
      where: { rnokpp: { in: spread } },
      select: { rnokpp: true },
    });
    const changed = spread.filter((r) => onRegister.some((m) => m.rnokpp === r)).slice(0, 10);
    const flip = (rnokpp: string) =>
      db.$executeRaw`UPDATE oberig.military_registrations SET wanted = NOT wanted WHERE rnokpp = ${rnokpp}`;
    const afterChange: number[] = [];
    const builds = { ...modelBuilds };
    try {
      for (const [i, rnokpp] of changed.entries()) {
        await flip(rnokpp);
        afterChange.push(await timed(() => listEmployees(createCtx({ actor }), { edrpou, ...queries[i]! })));
      }
    } finally {
      for (const rnokpp of changed) await flip(rnokpp);
    }
    const patched = modelBuilds.patched - builds.patched;
    log(
      `Перша сторінка після зміни в реєстрі (одна особа, модель доповнюється): ${summary(afterChange)}; доповнень ${patched} з ${afterChange.length}`,
    );

    const sequential: number[] = [];
    let rows = 0;
    for (const query of queries) {
      sequential.push(
        await timed(
          async () => (rows += (await listEmployees(createCtx({ actor }), { edrpou, ...query })).items.length),
        ),
      );
    }
    log(
      `Послідовно: ${summary(sequential)}; p99 ${percentile(sequential, 99).toFixed(1)} мс; у середньому ${(rows / requests).toFixed(1)} рядків на сторінці`,
    );
    // Where a warm request's time goes: the registry's per-enterprise version, read every time.
    const version: number[] = [];
    for (let i = 0; i < 50; i++) version.push(await timed(() => registry().staffVersion(edrpou)));
    log(`  з них версія даних реєстру (staffVersion, читається щоразу): ${summary(version)}`);

    const concurrent: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < queries.length) {
          const query = queries[next++]!;
          concurrent.push(await timed(() => listEmployees(createCtx({ actor }), { edrpou, ...query })));
        }
      }),
    );
    log(`${CONCURRENCY} одночасних потоків: ${summary(concurrent)}; p99 ${percentile(concurrent, 99).toFixed(1)} мс`);

    // The load: 16 directors of 16 different enterprises at once (the big one among them,
    // the others the largest critical ones), each paging through their own list. Every model is
    // built once first (the cold cost is measured above); then the cache must hold all 16.
    const { relations } = registry();
    const directors = await db.$queryRaw<Array<{ edrpou: string; headRnokpp: string }>>`
      SELECT e.edrpou, e."headRnokpp" FROM ${relations.enterprises} e
        JOIN (SELECT edrpou, count(*) AS n FROM ${relations.employments} WHERE "endDate" IS NULL GROUP BY edrpou) s ON s.edrpou = e.edrpou
       WHERE e."headRnokpp" IS NOT NULL AND e.edrpou <> ${edrpou} AND EXISTS (SELECT 1 FROM critical_decisions d WHERE d.edrpou = e.edrpou)
       ORDER BY s.n DESC, e.edrpou LIMIT ${DIRECTORS - 1}`;
    const heads = [
      { edrpou, actor },
      ...directors.map((d) => ({
        edrpou: d.edrpou,
        actor: { ...actor, userId: null, rnokpp: d.headRnokpp, fullName: "Керівник", edrpou: d.edrpou } satisfies Actor,
      })),
    ];
    for (const h of heads) await listEmployees(createCtx({ actor: h.actor }), { edrpou: h.edrpou, pageSize: 50 });
    const sixteen: number[] = [];
    const perDirector = Math.ceil(requests / heads.length) * 2;
    await Promise.all(
      heads.map(async (h, k) => {
        for (let i = 0; i < perDirector; i++) {
          const query = queries[(k * 31 + i) % queries.length]!;
          sixteen.push(
            await timed(() =>
              listEmployees(createCtx({ actor: h.actor }), { edrpou: h.edrpou, ...query, q: undefined }),
            ),
          );
        }
      }),
    );
    log(
      `${heads.length} керівників ${heads.length} підприємств одночасно: ${summary(sixteen)}; p99 ${percentile(sixteen, 99).toFixed(1)} мс (ціль p95 ≤ ${TARGET_P95_MS} мс)`,
    );

    // The targets: p95 ≤ 150 ms with 16 directors of 16 enterprises at once, and the
    // first page after a registry change ≤ 300 ms (the median after the one-person changes
    // above; every one of them must have been a patch). The cold model (a new process, or a
    // change to the enterprise or its decision) and the sequential and 8-stream figures are
    // reported beside them, not judged.
    const p95 = percentile(sixteen, 95);
    const afterChangeP50 = percentile(afterChange, 50);
    const met = {
      directors: p95 <= TARGET_P95_MS,
      afterChange: afterChangeP50 <= TARGET_AFTER_CHANGE_MS && patched === afterChange.length,
    };
    const figures = (v: number[]) => ({
      p50: round(percentile(v, 50)),
      p95: round(percentile(v, 95)),
      p99: round(percentile(v, 99)),
      n: v.length,
    });
    log(
      `Ціль p95 ≤ ${TARGET_P95_MS} мс для ${heads.length} керівників одночасно: ${met.directors ? "досягнуто" : "НЕ досягнуто"} (p95 ${p95.toFixed(1)} мс)`,
    );
    log(
      `Ціль: перша сторінка після зміни в реєстрі ≤ ${TARGET_AFTER_CHANGE_MS} мс: ${met.afterChange ? "досягнуто" : "НЕ досягнуто"} (медіана ${afterChangeP50.toFixed(0)} мс; модель заново — ${percentile(cold, 50).toFixed(0)} мс)`,
    );
    console.log(
      JSON.stringify({
        bench: "company-employees",
        cpus: os.cpus().length,
        sequential: figures(sequential),
        concurrent: { streams: CONCURRENCY, ...figures(concurrent) },
        directors: {
          enterprises: heads.length,
          ...figures(sixteen),
          targetMet: met.directors,
        },
        afterChange: { ...figures(afterChange), patched, targetMet: met.afterChange },
        cold: figures(cold),
        firstFromStored: { ...figures(fromStored), fromStored: storedUsed },
        loadavg: os.loadavg()[0],
        persons: bench.persons,
        targets: { directorsP95Ms: TARGET_P95_MS, afterChangeP50Ms: TARGET_AFTER_CHANGE_MS },
        targetMet: met.directors && met.afterChange,
      }),
    );
    return 0;
  } finally {
    await releaseDatabase();
    await bench.drop(name).catch(() => undefined);
    await bench.stop();
  }
});

type Query = Omit<ListEmployeesInput, "edrpou">;

/** A deterministic spread of what people search and filter by: every query has a search and a filter. */
function variedQuery(i: number, staff: Array<{ rnokpp: string; person: { lastName: string } }>): Query {
  const someone = staff[(i * 7919) % staff.length]!;
  const q =
    i % 3 === 0
      ? someone.rnokpp.slice(0, 3 + (i % 4))
      : someone.person.lastName.slice(0, 3 + (i % 3)).toLocaleLowerCase("uk");
  const filter: Query = [
    { state: EMPLOYEE_STATES[i % EMPLOYEE_STATES.length] },
    { eligible: i % 2 === 0 },
    { reason: REASON_CODES[i % REASON_CODES.length] },
    { eligible: true, state: "not_reserved" as const },
  ][i % 4]!;
  return {
    q,
    ...filter,
    sort: EMPLOYEE_SORTS[i % EMPLOYEE_SORTS.length],
    page: 1 + (i % 3 === 1 ? 1 : 0),
    pageSize: 50,
    revealRnokpp: true,
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
