import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inspectDataFolder } from "./data-folder";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "bronya-datafolder-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function files(folder: string, entries: Record<string, string | null>) {
  for (const [file, content] of Object.entries(entries)) {
    const target = path.join(folder, file);
    if (content === null) await mkdir(target, { recursive: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
}

const cluster = { PG_VERSION: "18\n", "global/pg_control": "x", base: null, "bronya.json": "{}" };

describe("inspectDataFolder", () => {
  it("knows an absent, an empty and a complete folder", async () => {
    expect(await inspectDataFolder(path.join(root, "none"), 18)).toEqual({ kind: "absent" });
    await mkdir(path.join(root, "empty"));
    expect(await inspectDataFolder(path.join(root, "empty"), 18)).toEqual({ kind: "empty" });
    await files(path.join(root, "pg"), cluster);
    expect(await inspectDataFolder(path.join(root, "pg"), 18)).toEqual({ kind: "cluster", majorVersion: 18 });
  });

  it.each([
    ["a folder of other files", { "photo.jpg": "x" }, "DATA_FOLDER_FOREIGN", /не є кластером Postgres/],
    [
      "a cluster of another major version",
      { ...cluster, PG_VERSION: "16\n" },
      "DATA_FOLDER_FOREIGN",
      /PostgreSQL 16.*версії 18/,
    ],
    [
      "a cluster someone else created",
      { PG_VERSION: "18", "global/pg_control": "x", base: null },
      "DATA_FOLDER_FOREIGN",
      /створений не Бронею/,
    ],
    [
      "a cluster without PG_VERSION",
      { "global/pg_control": "x", base: null, "postgresql.conf": "" },
      "DATA_FOLDER_DAMAGED",
      /немає файлу PG_VERSION/,
    ],
    [
      "a cluster with garbage in PG_VERSION",
      { ...cluster, PG_VERSION: "eighteen" },
      "DATA_FOLDER_DAMAGED",
      /PG_VERSION/,
    ],
    [
      "a cluster without pg_control",
      { PG_VERSION: "18", base: null, "bronya.json": "{}" },
      "DATA_FOLDER_DAMAGED",
      /global\/pg_control/,
    ],
  ])("refuses %s and leaves it as it was", async (_label, entries, code, message) => {
    const folder = path.join(root, "pg");
    await files(folder, entries);
    const before = (await readdir(folder, { recursive: true })).sort();
    const failure = await inspectDataFolder(folder, 18).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code });
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).toMatch(/нічого не змінено/);
    expect((await readdir(folder, { recursive: true })).sort()).toEqual(before);
  });

  it("refuses a file where the folder should be", async () => {
    await writeFile(path.join(root, "pg"), "x");
    await expect(inspectDataFolder(path.join(root, "pg"), 18)).rejects.toMatchObject({ code: "DATA_FOLDER_FOREIGN" });
  });
});
