import os from "node:os";
import { parseArgs } from "node:util";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { openKeyFile, signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { startWorker } from "@/lib/jobs/worker";
import { createReservationDraft, submitApplication } from "@/lib/reservations";
import { loadEmployeeListModel } from "@/lib/reservations/employee-list-model";
import { clearVersionCache } from "@/lib/reservations/version-cache";
import { DEMO_EDRPOU, DEMO_USERS } from "@/prisma/seed";
import { log, runScript } from "../db/run-script";
import { prepareSeededDatabase, releaseDatabase, useDatabase } from "./support/bench-database";
import { median, percentile, summary } from "./support/stats";
import { kyivDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

// npm run bench — the time to decide and write a signed application of the 10,000-employee
// enterprise: from the call that submits it (signature verified, application and its 10,000
// items stored, job queued) to the DECIDED status written by the real pg-boss worker (facts
// re-read, rules, reservations and registry marks, items, audit; the heads told). The 10,000
// employees are told by a follow-up job after the decision: reported beside, from submission too.
// Every run starts from a fresh copy of the same seeded database. Targets (issue 10, at national
// scale): the draft of 10,000 employees ≤ 1 s and submission to DECIDED ≤ 1 s, medians (the
// earlier target of ≤ 2 s is reported beside them). The draft is judged as the cabinet makes it,
// from the employee list the head has just opened (the list's own wait is printed too); the same
// draft made with no list at hand (the API) is reported beside it.
// The audit chain's share (issue 14: ≤ 5 %): the rows the application wrote to audit_log, times
// what linking one row costs — a chained audit write (head, hash, the claiming insert) minus
// the same row inserted into an unchained copy of the table, alternated, medians — over the median
// time from submission to decision.
//   npm run bench -- decide [--runs N]

const KEY_PASSWORD = "Bench-Key-Pass1";
const TARGET_MS = 1_000;
const TARGET_DRAFT_MS = 1_000;
const EARLIER_TARGET_MS = 2_000;
const CHAIN_TARGET_SHARE = 0.05;
const CHAIN_SAMPLES = 100;

await runScript(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { runs: { type: "string", default: "5" } },
    strict: false,
  });
  const runs = Math.max(1, Math.min(20, Number(values.runs) || 5));
  const head = DEMO_USERS.find((u) => u.key === "head-big")!;
  const edrpou = DEMO_EDRPOU.big;
  let p12: Uint8Array | null = null;

  log(`Заява підприємства ${edrpou} (10 000 працівників): від подання до статусу «розглянуто», ${runs} прогонів`);
  const bench = await prepareSeededDatabase({
    log,
    prepare: async () => {
      await ensureTestProvider({ db, now: new Date() });
      const enterprise = await db.enterprise.findUniqueOrThrow({ where: { edrpou }, select: { name: true } });
      ({ p12 } = await issueCertificate(createCtx({ actor: null }), {
        rnokpp: head.rnokpp,
        fullName: head.fullName,
        edrpou,
        organization: enterprise.name,
        title: "Генеральний директор",
        password: KEY_PASSWORD,
      }));
    },
  });
  const key: OpenedKeyFile = openKeyFile(p12!, KEY_PASSWORD);

  const totals: number[] = [];
  const drafts: number[] = [];
  const draftsCold: number[] = [];
  const decisions: number[] = [];
  const notified: number[] = [];
  let auditRows = 0;
  let chain: { chainedMs: number; plainMs: number } | null = null;
  try {
    for (let run = 1; run <= runs; run++) {
      const name = `bench_decide_${run}`;
      const url = await bench.clone(name);
      await useDatabase(url);
      const lines: string[] = [];
      const worker = await startWorker({ databaseUrl: url, log: (line) => lines.push(line) });
      try {
        // Let the worker's start-up checks (the daily sweep over every active mark: minutes at
        // national scale; sent at most once per six hours, so later runs find it done) finish first.
        const sweepStarted = performance.now();
        await waitFor(
          async () =>
            (
              await db.$queryRaw<Array<{ n: number }>>`
                SELECT count(*)::int AS n FROM pgboss.job
                 WHERE name = 'sweep-reservations' AND state IN ('created', 'retry', 'active')`
            )[0]!.n === 0,
          30 * 60_000,
          500,
        );
        const swept = lines.find((line) => line.includes("перевірено підприємств"));
        if (swept)
          log(
            `  щоденна перевірка при старті обробника: ${swept.replace(/^\[[^\]]+\] /, "")} — ${((performance.now() - sweepStarted) / 1000).toFixed(0)} с`,
          );
        const user = await db.user.findFirstOrThrow({ where: { rnokpp: head.rnokpp }, select: { id: true } });
        const actor: Actor = {
          userId: user.id,
          rnokpp: head.rnokpp,
          fullName: head.fullName,
          role: "ENTERPRISE_HEAD",
          edrpou,
          via: "kep",
        };
        const today = kyivDate(new Date());
        const staff = await db.employment.findMany({
          where: {
            edrpou,
            startDate: { lte: new Date(`${today}T00:00:00Z`) },
            OR: [{ endDate: null }, { endDate: { gte: new Date(`${today}T00:00:00Z`) } }],
          },
          select: { rnokpp: true },
          distinct: ["rnokpp"],
          orderBy: { rnokpp: "asc" },
        });

        const employees = staff.map((s) => ({ rnokpp: s.rnokpp }));
        // Through the API (or in a web process that has not shown this enterprise's list): the
        // draft reads every record itself.
        clearVersionCache();
        const coldStarted = performance.now();
        await createReservationDraft(createCtx({ actor }), { edrpou, employees });
        const coldMs = performance.now() - coldStarted;
        draftsCold.push(coldMs);
        // In the cabinet: the head opens the employee list, chooses, and makes the draft from it.
        const listStarted = performance.now();
        await loadEmployeeListModel(createCtx({ actor }), { edrpou, date: today });
        const listMs = performance.now() - listStarted;
        const draftStarted = performance.now();
        const draft = await createReservationDraft(createCtx({ actor }), { edrpou, employees });
        const draftMs = performance.now() - draftStarted;
        drafts.push(draftMs);
        const signature = signDetached(key, draft.document);

        const seqBefore = (await db.auditLog.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
        const started = performance.now();
        const submitted = await submitApplication(createCtx({ actor }), { draftId: draft.draftId, signature });
        const submitMs = performance.now() - started;
        await waitFor(
          async () =>
            (
              await db.application.findUniqueOrThrow({
                where: { id: submitted.applicationId },
                select: { status: true },
              })
            ).status === "DECIDED",
          60_000,
          10,
        );
        const totalMs = performance.now() - started;
        // A large decision tells its employees in a follow-up job: how long after submission they are told.
        await waitFor(
          async () =>
            !(
              await db.application.findUniqueOrThrow({
                where: { id: submitted.applicationId },
                select: { noticesPending: true },
              })
            ).noticesPending,
          60_000,
          10,
        );
        const noticesMs = performance.now() - started;
        notified.push(noticesMs);
        const app = await db.application.findUniqueOrThrow({
          where: { id: submitted.applicationId },
          select: { reservedCount: true, refusedCount: true },
        });
        const decideLine = lines.find((line) => line.includes(`заяву ${submitted.applicationId} розглянуто за`));
        const decideMs = Number(/розглянуто за (\d+) мс/.exec(decideLine ?? "")?.[1] ?? Number.NaN);
        totals.push(totalMs);
        if (!Number.isNaN(decideMs)) decisions.push(decideMs);
        auditRows = await db.auditLog.count({ where: { seq: { gt: seqBefore } } });
        if (run === runs) chain = await measureChainLink(submitted.applicationId, edrpou);
        log(
          `  прогін ${run}: ${totalMs.toFixed(0)} мс від подання до рішення (подання ${submitMs.toFixed(0)} мс, рішення в обробнику ${decideMs} мс); ` +
            `працівників ${draft.precheck.length}, заброньовано ${app.reservedCount}, відмовлено ${app.refusedCount}; чернетка зі списку ${draftMs.toFixed(0)} мс (список ${listMs.toFixed(0)} мс; без списку ${coldMs.toFixed(0)} мс); ` +
            `повідомлення працівникам записано через ${noticesMs.toFixed(0)} мс від подання`,
        );
      } finally {
        await worker.stop({ timeoutMs: 5_000 });
        await releaseDatabase();
        await bench.drop(name);
      }
    }
  } finally {
    await bench.stop();
  }

  log(`Від подання до статусу «розглянуто»: ${summary(totals)}`);
  if (decisions.length > 0) log(`З них рішення в обробнику: ${summary(decisions)}`);
  log(`Повідомлення працівникам (окреме завдання після рішення) записано від подання: ${summary(notified)}`);
  const verdict =
    Math.max(...totals) <= TARGET_MS
      ? "досягнуто"
      : totals.length > 0 && totals.sort((a, b) => a - b)[Math.floor(totals.length / 2)]! <= TARGET_MS
        ? "досягнуто за медіаною"
        : "НЕ досягнуто";
  log(`Ціль ≤ ${TARGET_MS} мс: ${verdict}`);
  const medianMs = Math.round(median(totals));
  const draftMedianMs = Math.round(median(drafts));
  const draftColdMedianMs = Math.round(median(draftsCold));
  log(
    `Чернетка з 10 000 працівників зі списку в кабінеті: ${summary(drafts)}; ціль ≤ ${TARGET_DRAFT_MS} мс за медіаною: ${draftMedianMs <= TARGET_DRAFT_MS ? "досягнуто" : "НЕ досягнуто"}`,
  );
  log(
    `Та сама чернетка без списку (через API, або веб-процес, що цього списку не показував): ${summary(draftsCold)}; ` +
      `за медіаною ${draftColdMedianMs <= TARGET_DRAFT_MS ? "у межах" : "понад"} ${TARGET_DRAFT_MS} мс`,
  );
  const linkMs = chain ? Math.max(0, chain.chainedMs - chain.plainMs) : Number.NaN;
  const chainShare = (auditRows * linkMs) / median(totals);
  if (chain)
    log(
      `Ланцюжок журналу аудиту: ${auditRows} записи на заяву; запис із ланцюжком ${chain.chainedMs.toFixed(2)} мс, ` +
        `без нього ${chain.plainMs.toFixed(2)} мс (медіани з ${CHAIN_SAMPLES}); частка ланцюжка ${(chainShare * 100).toFixed(3)} % ` +
        `(ціль ≤ ${CHAIN_TARGET_SHARE * 100} %)`,
    );
  console.log(
    JSON.stringify({
      bench: "decide-application",
      cpus: os.cpus().length,
      loadavg: os.loadavg()[0],
      persons: bench.persons,
      employees: 10_000,
      runs: totals.length,
      medianMs,
      p95Ms: Math.round(percentile(totals, 95)),
      decisionMedianMs: decisions.length > 0 ? Math.round(median(decisions)) : null,
      noticesWrittenMedianMs: Math.round(median(notified)),
      auditRowsPerApplication: auditRows,
      chainedAuditWriteMs: chain ? Number(chain.chainedMs.toFixed(3)) : null,
      unchainedAuditWriteMs: chain ? Number(chain.plainMs.toFixed(3)) : null,
      chainShare: Number(chainShare.toFixed(5)),
      chainTargetMet: chainShare <= CHAIN_TARGET_SHARE,
      draftFromListMedianMs: draftMedianMs,
      draftColdMedianMs,
      targets: { medianMs: TARGET_MS, draftFromListMedianMs: TARGET_DRAFT_MS },
      earlierTargetMs: EARLIER_TARGET_MS,
      earlierTargetMet: medianMs <= EARLIER_TARGET_MS,
      targetMs: TARGET_MS,
      targetMet: medianMs <= TARGET_MS && draftMedianMs <= TARGET_DRAFT_MS,
    }),
  );
  return 0;
});

/** One audit row written through the chain vs the same row into an unchained copy of the table. */
async function measureChainLink(
  applicationId: string,
  edrpou: string,
): Promise<{ chainedMs: number; plainMs: number }> {
  await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE bench_audit_unchained (LIKE audit_log INCLUDING DEFAULTS)`);
  const chained: number[] = [];
  const plain: number[] = [];
  try {
    // The unchained write inserts a whole row from its JSON, as the chained one does, with no read.
    const [sample] = await db.$queryRaw<
      { row: string }[]
    >`SELECT to_jsonb(a)::text AS row FROM audit_log a ORDER BY seq DESC LIMIT 1`;
    for (let i = 0; i < CHAIN_SAMPLES; i++) {
      let started = performance.now();
      await db.$transaction((tx) =>
        writeAudit(tx, {
          actor: null,
          action: "application.decide",
          entityType: "Application",
          entityId: applicationId,
          edrpou,
          details: { bench: i },
          request: null,
        }),
      );
      chained.push(performance.now() - started);
      started = performance.now();
      await db.$transaction(
        (tx) =>
          tx.$executeRaw`INSERT INTO bench_audit_unchained SELECT * FROM jsonb_populate_record(NULL::bench_audit_unchained, ${sample!.row}::jsonb)`,
      );
      plain.push(performance.now() - started);
    }
  } finally {
    await db.$executeRawUnsafe(`DROP TABLE bench_audit_unchained`);
  }
  return { chainedMs: median(chained), plainMs: median(plain) };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Не дочекалися за ${timeoutMs} мс`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
