// A fixture process for the rulesets journey (not a spec): it opens the running e2e server's
// database and works through the domain's own code, printing one line of JSON.
//   node --conditions=react-server --import tsx tests/e2e/rulesets-fixture.ts next-day <YYYY-MM-DD>
//   … rulesets-fixture.ts annulled
// "next-day" prepares an application of a fresh enterprise (salaries 31 000 and 40 000 UAH) as
// at 00:30 Kyiv time on the given day — the clock moved the way the domain allows, through its
// `now` — and reports the version of the rules it was checked under and who would be reserved.
// "annulled" makes a fresh enterprise, reserves two employees, files one signed annulment today
// and hands out an HR API token of its head.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { resetEnvCache } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [command, ...args] = process.argv.slice(2);

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  owner: "e2e rulesets fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
// The e2e server runs in demo mode (scripts/e2e/serve.mjs): its test КНЕДП is trusted, and this
// process submits signatures of that КНЕДП's keys through the same domain code.
process.env.DEMO_MODE = "1";
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
try {
  const { refreshRulesets } = await import("@/lib/rulesets/ruleset-cache");
  const { createWorld, sign } = await import("@/lib/reservations/testing/world");
  const reservations = await import("@/lib/reservations");
  const { createCtx } = await import("@/lib/context-server");
  await refreshRulesets(db);
  const serial = 900 + (Date.now() % 97);
  if (command === "next-day" && args[0]) {
    const world = await createWorld(createCtx({ actor: null }), {
      serial,
      employees: 2,
      limitCount: 2,
      salary: 31_000,
    });
    await db.employment.updateMany({
      where: { rnokpp: world.employees[1]!, edrpou: world.edrpou },
      data: { salary: "40000.00" },
    });
    const at = new Date(`${args[0]}T00:30:00+02:00`);
    const draft = await reservations.createReservationDraft(createCtx({ actor: world.head.actor, now: at }), {
      edrpou: world.edrpou,
      employees: world.employees.map((rnokpp) => ({ rnokpp })),
    });
    console.log(
      JSON.stringify({
        rulesetVersion: draft.rulesetVersion,
        eligible: draft.precheck.map((p) => p.eligible),
        reasons: draft.precheck.map((p) => p.reasons.map((r) => r.code)),
      }),
    );
  } else if (command === "annulled") {
    const { issueApiToken } = await import("@/lib/api-tokens");
    const world = await createWorld(createCtx({ actor: null }), { serial, employees: 3, limitCount: 3 });
    const draft = await reservations.createReservationDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: world.employees.slice(0, 2).map((rnokpp) => ({ rnokpp })),
    });
    const submitted = await reservations.submitApplication(createCtx({ actor: world.head.actor }), {
      draftId: draft.draftId,
      signature: sign(world.head.key!, draft.document),
    });
    await reservations.decideSubmittedApplication(createCtx({ actor: null }), {
      applicationId: submitted.applicationId,
    });
    const annulment = await reservations.createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: [world.employees[0]!].map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    await reservations.submitAnnulment(createCtx({ actor: world.head.actor }), {
      draftId: annulment.draftId,
      signature: sign(world.head.key!, annulment.document),
    });
    const token = await issueApiToken(createCtx({ actor: world.head.actor }), { name: "E2E правила" });
    console.log(JSON.stringify({ edrpou: world.edrpou, second: world.employees[1], token: token.token }));
  } else {
    throw new Error("usage: rulesets-fixture.ts next-day <YYYY-MM-DD> | annulled");
  }
} finally {
  await disconnectDb();
  await database.close();
}
