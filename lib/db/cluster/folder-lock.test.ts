import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireFolderLock, isProcessAlive, readLiveLock } from "./folder-lock";

let root: string;
let lockPath: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "bronya-lock-"));
  lockPath = path.join(root, "postgres.lock");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A live process that is not us, to stand for another launcher. */
function otherProcess() {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  return { pid: child.pid ?? 0, stop: () => child.kill("SIGKILL") };
}

describe("acquireFolderLock", () => {
  it("writes our PID, publishes the URL and removes the file on release", async () => {
    const lock = await acquireFolderLock(lockPath, "test");
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ pid: process.pid, owner: "test" });
    await lock.publish("postgresql://x@127.0.0.1:1/db");
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ url: "postgresql://x@127.0.0.1:1/db" });
    await lock.release();
    await expect(readFile(lockPath)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses while another live process holds the folder, naming it", async () => {
    const other = otherProcess();
    try {
      await writeFile(
        lockPath,
        JSON.stringify({
          pid: other.pid,
          owner: "npm run dev",
          url: "postgresql://u@127.0.0.1:5/bronya",
          startedAt: "now",
        }),
      );
      const failure = await acquireFolderLock(lockPath, "second").catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: "DATA_FOLDER_BUSY" });
      expect((failure as Error).message).toContain(`PID ${other.pid}`);
      expect(await readLiveLock(lockPath)).toMatchObject({ pid: other.pid, url: "postgresql://u@127.0.0.1:5/bronya" });
      // The holder's lock is untouched.
      expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ pid: other.pid });
    } finally {
      other.stop();
    }
  });

  it("takes over a lock whose process is gone, and one that is unreadable", async () => {
    const gone = otherProcess();
    gone.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isProcessAlive(gone.pid)).toBe(false);
    await writeFile(lockPath, JSON.stringify({ pid: gone.pid, owner: "crashed", startedAt: "then" }));
    expect(await readLiveLock(lockPath)).toBeNull();
    const lock = await acquireFolderLock(lockPath, "next");
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ pid: process.pid, owner: "next" });
    await lock.release();

    await writeFile(lockPath, "garbage");
    const again = await acquireFolderLock(lockPath, "next");
    await again.release();
  });
});
