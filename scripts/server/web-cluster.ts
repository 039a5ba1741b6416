import cluster from "node:cluster";

// The node:cluster primary of scripts/server.ts (WEB_PROCESSES > 1) and of scripts/status-server.ts
// (STATUS_PROCESSES > 1): forks `count` processes of
// the same script, which share the one listening port (the primary hands out connections in
// turn), replaces a process that dies unless they die in a loop, and passes SIGINT/SIGTERM on,
// exiting once every process has stopped. The primary serves nothing itself.

/** The node:cluster primary: `count` web processes on one port, kept at that number until a signal. */
export function runWebCluster({
  count,
  port,
  what = "веб-процеси порталу",
  one = "веб-процес",
}: {
  count: number;
  port: number;
  /** What the processes are, in the started line: "веб-процеси порталу" unless told. */
  what?: string;
  /** One of them, in the line about one that died: "веб-процес" unless told. */
  one?: string;
}): void {
  let stopping = false;
  const recentRestarts: number[] = [];
  for (let i = 0; i < count; i++) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === count) console.log(`▲ ${count} ${what} на http://localhost:${port} (node:cluster)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A process that died is replaced (its requests fail, the others go on); a crash loop is not.
    const now = Date.now();
    recentRestarts.push(now);
    while (recentRestarts.length > 0 && now - recentRestarts[0]! > 60_000) recentRestarts.shift();
    if (recentRestarts.length > 2 * count) {
      console.error(
        `${capitalize(what)} завершуються раз у раз (${recentRestarts.length} за хвилину): зупиняю сервер.`,
      );
      process.exit(1);
    }
    console.error(
      `${capitalize(one)} ${worker.process.pid} завершився ${signal ? `сигналом ${signal}` : `з кодом ${code}`}: запускаю інший.`,
    );
    cluster.fork();
  });
  for (const name of ["SIGINT", "SIGTERM"] as const) {
    process.on(name, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill(name);
      setTimeout(() => process.exit(0), 15_000).unref();
    });
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
