import path from "node:path";
import { createInterface } from "node:readline";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { createCtx } from "@/lib/context-server";
import { disconnectDb } from "@/lib/db/client";
import { startEmbeddedCluster } from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { resetEnvCache } from "@/lib/env";
import { createReservationDraft } from "@/lib/reservations";
import { createWorld, sign } from "@/lib/reservations/testing/world";

// The database of tests/e2e/scale-out.spec.ts: an embedded Postgres with the portal's schema and
// ENTERPRISES critical enterprises (a head with a КЕП key of the test provider and an HR API
// token each, 2 × DRAFTS employees, limit LIMIT), and DRAFTS signed drafts of two employees per
// enterprise, ready for the HR API's submission. Run as
//   node --conditions=react-server --import tsx tests/e2e/support/scale-out-fixture.ts <folder> <json options>
// It prints one JSON line {"event":"ready", url, submissions} and holds Postgres until "exit" on stdin.

const folder = process.argv[2];
const options = JSON.parse(process.argv[3] ?? "{}") as { enterprises: number; drafts: number; limit: number };
if (!folder || !options.enterprises) throw new Error("Використання: scale-out-fixture.ts <тека> <параметри JSON>");
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const cluster = await startEmbeddedCluster({ folder, owner: "e2e: 2 веб-процеси + 2 обробники", database: "bronya" });
try {
  await applyMigrations({ databaseUrl: cluster.url, migrationsDir: path.resolve("prisma/migrations") });
  process.env.DATABASE_URL = cluster.url;
  resetEnvCache();
  const submissions: Array<{ edrpou: string; token: string; draftId: string; signature: string }> = [];
  for (let i = 0; i < options.enterprises; i++) {
    const world = await createWorld(createCtx({ actor: null }), {
      serial: 600 + i,
      employees: options.drafts * 2,
      limitCount: options.limit,
    });
    const { token } = await issueApiToken(createCtx({ actor: world.head.actor }), { name: "HR e2e" });
    for (let d = 0; d < options.drafts; d++) {
      const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
        edrpou: world.edrpou,
        employees: world.employees.slice(d * 2, d * 2 + 2).map((rnokpp) => ({ rnokpp })),
      });
      const signature = Buffer.from(sign(world.head.key!, draft.document)).toString("base64");
      submissions.push({ edrpou: world.edrpou, token, draftId: draft.draftId, signature });
    }
  }
  await disconnectDb();
  say({ event: "ready", url: cluster.url, submissions });
} catch (error) {
  say({ event: "error", message: (error as Error).stack ?? String(error) });
  await cluster.stop();
  process.exit(1);
}

const stop = () => void cluster.stop().finally(() => process.exit(0));
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "exit") stop();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
