import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertPortFree, ensureAuthSecret } from "./preflight";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bronya-preflight-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ensureAuthSecret", () => {
  it("generates a secret once (owner-only file) and reuses it", async () => {
    const first = await ensureAuthSecret({ dataDir: path.join(dir, "data") });
    expect(first.source).toBe("new");
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(path.join(dir, "data", "auth-secret"))).mode & 0o777).toBe(0o600);
    expect(await ensureAuthSecret({ dataDir: path.join(dir, "data") })).toEqual({
      secret: first.secret,
      source: "file",
    });
  });

  it("prefers NEXTAUTH_SECRET and writes nothing then", async () => {
    expect(await ensureAuthSecret({ dataDir: dir, fromEnv: "from-the-environment-123" })).toEqual({
      secret: "from-the-environment-123",
      source: "env",
    });
    await expect(stat(path.join(dir, "auth-secret"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses a damaged secret file instead of replacing it", async () => {
    await writeFile(path.join(dir, "auth-secret"), "short\n");
    await expect(ensureAuthSecret({ dataDir: dir })).rejects.toMatchObject({ code: "AUTH_SECRET_INVALID" });
    expect(await readFile(path.join(dir, "auth-secret"), "utf8")).toBe("short\n");
  });
});

describe("assertPortFree", () => {
  it("passes a free port and names the command for a taken one", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(assertPortFree(port, "npm start")).rejects.toThrow(
        new RegExp(`Порт ${port} уже зайнятий.*PORT=${port + 1} npm start`),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(assertPortFree(port, "npm start")).resolves.toBeUndefined();
  });
});
