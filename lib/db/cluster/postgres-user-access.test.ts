import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runningAsRoot } from "./load-embedded-postgres";
import { letPostgresUserReach } from "./postgres-user-access";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o777;

describe("letPostgresUserReach", () => {
  it("as root, opens private ancestors for traversal only and leaves the rest alone", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "bronya-reach-")); // mode 700, like `mktemp -d`
    made.push(root);
    const privateDir = path.join(root, "private");
    const openDir = path.join(privateDir, "open");
    await mkdir(openDir, { recursive: true, mode: 0o755 });
    const { chmod } = await import("node:fs/promises");
    await chmod(privateDir, 0o750);

    const changed = await letPostgresUserReach([path.join(openDir, "not-yet-created")]);

    if (!runningAsRoot()) {
      expect(changed).toEqual([]);
      expect(await modeOf(root)).toBe(0o700);
      return;
    }
    expect(changed).toEqual([root, privateDir]);
    expect(await modeOf(root)).toBe(0o701);
    expect(await modeOf(privateDir)).toBe(0o751);
    expect(await modeOf(openDir)).toBe(0o755);
    expect(await letPostgresUserReach([openDir])).toEqual([]);
  });
});
