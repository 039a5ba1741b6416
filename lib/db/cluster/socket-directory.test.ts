import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { clusterUrl, liveSocketDirectory, socketDirectoryFor } from "./cluster-files";

const marker = { user: "postgres", password: "secret/with:odd@chars" };
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("the embedded cluster's Unix socket", () => {
  it("lives in the cluster's own folder when the socket's path fits, else TCP only", () => {
    expect(socketDirectoryFor("/srv/bronya/.data/postgres")).toBe("/srv/bronya/.data/postgres");
    // <folder>/.s.PGSQL.<port> must fit the OS's 107 bytes, with room to spare.
    expect(socketDirectoryFor(`/srv/${"x".repeat(80)}`)).toBe(`/srv/${"x".repeat(80)}`);
    expect(socketDirectoryFor(`/srv/${"x".repeat(81)}`)).toBeNull();
    expect(socketDirectoryFor(`/srv/${"я".repeat(10)}/postgres`)).toBeNull();
    // Postgres reads the setting as a list: a comma or a space would split the folder.
    expect(socketDirectoryFor("/srv/bronya data/postgres")).toBeNull();
    expect(socketDirectoryFor("/srv/a,b/postgres")).toBeNull();
  });

  it("is named in the URL for node-postgres, host and port kept for TCP tools", () => {
    const url = clusterUrl(marker, 54321, "bronya", "/srv/bronya/.data/postgres");
    const parsed = new URL(url);
    expect([parsed.hostname, parsed.port, parsed.pathname]).toEqual(["127.0.0.1", "54321", "/bronya"]);
    const config = new pg.Client({ connectionString: url });
    expect([config.host, config.port, config.database, config.password]).toEqual([
      "/srv/bronya/.data/postgres",
      54321,
      "bronya",
      marker.password,
    ]);
    expect(clusterUrl(marker, 54321, "bronya")).not.toContain("?");
  });

  it("is used for a running cluster only when its socket is there (one started without it keeps TCP)", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "bronya-socket-"));
    dirs.push(folder);
    expect(liveSocketDirectory(folder, 54321)).toBeNull();
    await writeFile(path.join(folder, ".s.PGSQL.54321"), "");
    expect(liveSocketDirectory(folder, 54321)).toBe(folder);
    expect(liveSocketDirectory(folder, 54322)).toBeNull();
  });
});
