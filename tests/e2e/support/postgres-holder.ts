import { createInterface } from "node:readline";
import { startEmbeddedCluster, type RunningCluster } from "@/lib/db/cluster";

// An embedded Postgres that a browser test can stop and start again on the same folder (and so
// the same URL), for tests/e2e/database-restart.spec.ts. Run as
//   node --conditions=react-server --import tsx tests/e2e/support/postgres-holder.ts <folder>
// Commands on stdin, one a line: stop, start, exit. Answers on stdout as JSON lines.

const folder = process.argv[2];
if (!folder) throw new Error("Використання: postgres-holder.ts <тека кластера>");
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const start = () => startEmbeddedCluster({ folder, owner: "e2e: перезапуск бази даних", database: "bronya" });

let cluster: RunningCluster | null = await start();
say({ event: "started", url: cluster.url });

async function stop() {
  const running = cluster;
  cluster = null;
  await running?.stop();
}

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on("line", (line) => {
  queue = queue.then(async () => {
    try {
      if (line === "stop") {
        await stop();
        say({ event: "stopped" });
      } else if (line === "start") {
        cluster ??= await start();
        say({ event: "started", url: cluster.url });
      } else if (line === "exit") {
        await stop();
        process.exit(0);
      }
    } catch (error) {
      say({ event: "error", message: (error as Error).message });
    }
  });
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void stop().finally(() => process.exit(0)));
