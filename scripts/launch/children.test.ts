import { describe, expect, it } from "vitest";
import { isProcessAlive } from "@/lib/db/cluster/folder-lock";
import { startChild, waitForPort } from "./children";

const node = process.execPath;

describe("startChild", () => {
  it("stops the child together with what it spawned (its process group)", async () => {
    const child = startChild({
      name: "parent",
      command: node,
      args: ["-e", "const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('grandchild', c.pid); setInterval(() => {}, 1000);"],
      env: { PATH: process.env.PATH },
      cwd: process.cwd(),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const grandchildren = (await import("node:child_process")).execFileSync("pgrep", ["-g", String(child.pid)], { encoding: "utf8" }).trim().split("\n").map(Number);
    expect(grandchildren.length).toBeGreaterThanOrEqual(2);
    expect(await child.stop()).toEqual({ code: null, signal: "SIGTERM" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const pid of grandchildren) expect(isProcessAlive(pid), `PID ${pid}`).toBe(false);
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    const child = startChild({
      name: "stubborn",
      command: node,
      args: ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);"],
      env: { PATH: process.env.PATH },
      cwd: process.cwd(),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    expect(await child.stop(500)).toEqual({ code: null, signal: "SIGKILL" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});

describe("waitForPort", () => {
  it("gives up when the child exits before listening", async () => {
    const child = startChild({ name: "quitter", command: node, args: ["-e", "process.exit(3)"], env: {}, cwd: process.cwd() });
    await expect(waitForPort(1, child.exited)).rejects.toThrow(/exited with code 3/);
  });
});
