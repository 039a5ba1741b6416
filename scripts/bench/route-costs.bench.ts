import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Pool } from "undici";
import { log, runScript } from "../db/run-script";
import { benchPersons, prepareSeededDatabase, releaseDatabase, useDatabase } from "./support/bench-database";
import {
  APPLICATION_SIZE_MEAN,
  conscriptCookies as signInConscripts,
  officialCookie as signInOfficial,
  prepareDirectors,
  processCpuMs,
  root,
  startPortal,
  stopProcess,
  timedRequest,
  type Director,
} from "./support/portal-under-load";
import { median } from "./support/stats";

// npm run bench -- route-costs — what one request of each kind the deadline-day peak sends costs
// the web process: its CPU time (from /proc, Linux) and the answer's median time, each route asked
// one request at a time on an otherwise idle portal (production build, one web process, one
// worker). From those costs, the web CPU the peak's targets need: ≥ 2,000 employees decided per
// second in applications of the peak's mix (mean ~149 employees), each a director's cycle of the
// employee page, the eligible list (500 a page), a draft and a submission; plus 2,000 status
// polls a second and 4 dashboards a second. Target: that fits in one core (a web process is one
// event loop; on this 2-core machine the other core is Postgres's, the workers' and the load's).
// Reported beside: a 20-employee draft at the largest enterprise (a draft's cost should follow its
// own size, not the enterprise's).
//   npm run bench -- route-costs [--persons N]

type Cost = { requests: number; cpuMs: number | null; p50Ms: number };

await runScript(async () => {
  if (!existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error("Немає продакшн-збірки: спершу npm run build (вимірювання саме не збирає)");
  const persons = benchPersons();
  log(`Вартість запитів піку: реєстр ${persons.toLocaleString("uk-UA")} осіб`);
  const bench = await prepareSeededDatabase({ log, persons });
  const dbName = "bench_route_costs";
  const url = await bench.clone(dbName);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-bench-route-costs-"));
  const secret = `route-costs-${randomUUID()}-secret`;
  const children: ChildProcess[] = [];
  let portalPool: Pool | null = null;
  try {
    await useDatabase(url);
    // The largest enterprise's director first; the others a sample of all sizes, as at the peak.
    const directors = await prepareDirectors(secret, 30);
    const conscripts = await signInConscripts(secret, 200);
    const official = await signInOfficial(secret);
    await releaseDatabase();
    const portal = await startPortal({ databaseUrl: url, secret, dataDir: workDir, workers: 1, children });
    portalPool = new Pool(portal.baseUrl, { connections: 16, pipelining: 1 });
    const web = portal.server.pid;
    const request = (options: Parameters<typeof timedRequest>[2]) => timedRequest(portalPool!, portal.baseUrl, options);

    // `count` requests from `streams` at once (one at a time would count the idle event loop's
    // own wake-ups against each request: the status route's CPU is 4–5 times its loaded figure).
    async function measure(
      name: string,
      count: number,
      next: (i: number) => Promise<{ ok: boolean; status: number; text: string; ms: number }>,
      streams = 4,
    ): Promise<Cost> {
      for (let i = 0; i < 3; i++) await next(i); // modules, plans and caches: not measured
      const times: number[] = [];
      let issued = 3;
      const cpuBefore = processCpuMs(web);
      await Promise.all(
        Array.from({ length: streams }, async () => {
          while (issued < count + 3) {
            const answer = await next(issued++);
            if (!answer.ok) throw new Error(`${name}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
            times.push(answer.ms);
          }
        }),
      );
      const cpuAfter = processCpuMs(web);
      const cost = {
        requests: count,
        cpuMs: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / count),
        p50Ms: round(median(times)),
      };
      log(
        `${name}: ${cost.cpuMs ?? "—"} мс CPU веб-процесу на запит, медіана ${cost.p50Ms} мс (${count} запитів, ${streams} потоки)`,
      );
      return cost;
    }

    const largest = directors[0]!;
    const typical = directors.slice(1);
    const of = (list: Director[], i: number) => list[i % list.length]!;
    const costs: Record<string, Cost> = {};
    costs.status = await measure(
      "GET /api/v1/me/status",
      3_000,
      (i) => request({ path: "/api/v1/me/status", cookie: conscripts[i % conscripts.length]! }),
      16,
    );
    costs.companyPage = await measure("GET /company (різні підприємства)", 60, (i) =>
      request({ path: "/company", cookie: of(typical, i).cookie }),
    );
    costs.companyPageLargest = await measure(
      `GET /company (найбільше, ${largest.staff.toLocaleString("uk-UA")} військовозобов'язаних)`,
      30,
      () => request({ path: "/company", cookie: largest.cookie }),
    );
    costs.eligibleList = await measure("GET …/employees?eligible=true&pageSize=500", 60, (i) => {
      const d = of(typical, i);
      return request({
        path: `/api/v1/enterprises/${d.edrpou}/employees?eligible=true&pageSize=500`,
        cookie: d.cookie,
      });
    });
    costs.dashboard = await measure("GET /ministry", 30, () => request({ path: "/ministry", cookie: official }));

    // A draft and its submission, of 20 eligible employees each (different enterprises in turn);
    // the worker decides them meanwhile, outside the web process.
    const eligible = new Map<Director, Array<{ rnokpp: string }>>();
    for (const d of typical) {
      const list = await request({
        path: `/api/v1/enterprises/${d.edrpou}/employees?eligible=true&pageSize=500`,
        cookie: d.cookie,
      });
      eligible.set(d, list.ok ? (JSON.parse(list.text) as { items: Array<{ rnokpp: string }> }).items : []);
    }
    const drafting = typical.filter((d) => eligible.get(d)!.length > 0);
    if (drafting.length === 0) throw new Error("Жоден обраний керівник не має працівників, яких можна бронювати");
    const drafts: Array<{ director: Director; draftId: string; document: string }> = [];
    const drafted = new Map<Director, number>();
    costs.draft = await measure("POST /api/v1/applications/drafts (до 20 працівників)", 40, async (i) => {
      const d = of(drafting, i);
      const items = eligible.get(d)!;
      // Each director's drafts take different employees, so that none is signed twice.
      const taken = drafted.get(d) ?? 0;
      drafted.set(d, taken + 1);
      const fresh = items.slice(taken * 20, taken * 20 + 20);
      const employees = (fresh.length > 0 ? fresh : items.slice(0, 20)).map((e) => ({ rnokpp: e.rnokpp }));
      const answer = await request({
        path: "/api/v1/applications/drafts",
        method: "POST",
        cookie: d.cookie,
        body: { edrpou: d.edrpou, employees },
      });
      if (answer.ok)
        drafts.push({ director: d, ...(JSON.parse(answer.text) as { draftId: string; document: string }) });
      return answer;
    });
    // The same draft at the largest enterprise: a draft's cost must follow its own size, not the
    // enterprise's (its thousands of reservations were once read for every draft of twenty).
    const largestList = await request({
      path: `/api/v1/enterprises/${largest.edrpou}/employees?eligible=true&pageSize=500`,
      cookie: largest.cookie,
    });
    const largestEligible = largestList.ok
      ? (JSON.parse(largestList.text) as { items: Array<{ rnokpp: string }> }).items
      : [];
    costs.draftLargest =
      largestEligible.length >= 20
        ? await measure("POST /api/v1/applications/drafts (20 працівників найбільшого)", 20, (i) => {
            const at = (i * 20) % (largestEligible.length - 19);
            return request({
              path: "/api/v1/applications/drafts",
              method: "POST",
              cookie: largest.cookie,
              body: {
                edrpou: largest.edrpou,
                employees: largestEligible.slice(at, at + 20).map((e) => ({ rnokpp: e.rnokpp })),
              },
            });
          })
        : { requests: 0, cpuMs: null, p50Ms: Number.NaN };
    costs.submit = await measure("POST /api/v1/applications (підписане подання)", 40, (i) => {
      const draft = drafts[i]!;
      const signature = Buffer.from(
        draft.director.sign(new Uint8Array(Buffer.from(draft.document, "base64"))),
      ).toString("base64");
      return request({
        path: "/api/v1/applications",
        method: "POST",
        cookie: draft.director.cookie,
        body: { draftId: draft.draftId, signature },
      });
    });

    const need = peakNeed(costs);
    log(
      `Пік потребує від веб-процесу ${need.webCores ?? "—"} ядра: цикл керівника ${need.cycleCpuMs ?? "—"} мс CPU × ${need.cyclesPerSecond}/с + статус ${need.statusCores ?? "—"} + дашборди (ціль: ≤ 1 ядра)`,
    );
    const targetMet = need.webCores !== null && need.webCores <= 1;
    console.log(
      JSON.stringify({
        bench: "route-costs",
        persons,
        cpus: os.cpus().length,
        loadavg: round(os.loadavg()[0]!),
        routes: costs,
        applicationSizeMean: APPLICATION_SIZE_MEAN,
        peakWebCores: need.webCores,
        peakNeed: need,
        target: { peakWebCores: 1 },
        targetMet,
      }),
    );
    return 0;
  } finally {
    await portalPool?.close().catch(() => undefined);
    for (const child of children) await stopProcess(child);
    await releaseDatabase();
    await bench.drop(dbName).catch(() => undefined);
    await bench.stop();
    await rm(workDir, { recursive: true, force: true });
  }
});

/** The web CPU the peak's targets ask for, from the measured costs (cores = CPU seconds a second). */
function peakNeed(costs: Record<string, Cost>) {
  const cyclesPerSecond = round(2_000 / APPLICATION_SIZE_MEAN);
  const listPages = Math.ceil(APPLICATION_SIZE_MEAN / 500);
  const parts = [costs.companyPage, costs.eligibleList, costs.draft, costs.submit, costs.status, costs.dashboard];
  if (parts.some((c) => c!.cpuMs === null))
    return { cyclesPerSecond, cycleCpuMs: null, statusCores: null, webCores: null };
  const cycleCpuMs =
    costs.companyPage!.cpuMs! + listPages * costs.eligibleList!.cpuMs! + costs.draft!.cpuMs! + costs.submit!.cpuMs!;
  const statusCores = round((2_000 * costs.status!.cpuMs!) / 1000);
  const dashboardCores = round((4 * costs.dashboard!.cpuMs!) / 1000);
  const webCores = round((cyclesPerSecond * cycleCpuMs) / 1000 + statusCores + dashboardCores);
  return { cyclesPerSecond, cycleCpuMs: round(cycleCpuMs), statusCores, dashboardCores, webCores };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
