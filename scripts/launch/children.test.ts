import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isProcessAlive } from "@/lib/db/cluster/folder-lock";
import { startChild, waitForPort } from "./children";

const node = process.execPath;

/** Waits (at most 20 s: a loaded machine starts node slowly) until `ready()` holds; no fixed sleep. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function groupOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-g", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
  } catch {
    return [];
  }
}

describe("startChild", () => {
  it("stops the child together with what it spawned (its process group)", async () => {
    const child = startChild({
      name: "parent",
      command: node,
      args: [
        "-e",
        "const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('grandchild', c.pid); setInterval(() => {}, 1000);",
      ],
      env: { PATH: process.env.PATH },
      cwd: process.cwd(),
    });
    await until(() => groupOf(child.pid).length >= 2, "the grandchild to start");
    const grandchildren = groupOf(child.pid);
    expect(grandchildren.length).toBeGreaterThanOrEqual(2);
    expect(await child.stop()).toEqual({ code: null, signal: "SIGTERM" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const pid of grandchildren) expect(isProcessAlive(pid), `PID ${pid}`).toBe(false);
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    // The child says (by a file) when its SIGTERM handler is in place: before that, SIGTERM would simply end it.
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), "bronya-child-")), "ready");
    const child = startChild({
      name: "stubborn",
      command: node,
      args: [
        "-e",
        `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(marker)}, ''); setInterval(() => {}, 1000);`,
      ],
      env: { PATH: process.env.PATH },
      cwd: process.cwd(),
    });
    await until(() => existsSync(marker), "the child's SIGTERM handler");
    const started = Date.now();
    expect(await child.stop(500)).toEqual({ code: null, signal: "SIGKILL" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});

describe("waitForPort", () => {
  it("gives up when the child exits before listening", async () => {
    const child = startChild({
      name: "quitter",
      command: node,
      args: ["-e", "process.exit(3)"],
      env: {},
      cwd: process.cwd(),
    });
    await expect(waitForPort(1, child.exited)).rejects.toThrow(/exited with code 3/);
  });
});
