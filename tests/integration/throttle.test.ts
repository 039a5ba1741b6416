import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { limitVerificationRequest, VERIFY_RATE_LIMIT } from "@/lib/evod/verification-rate-limit";
import { closeThrottles, createThrottle } from "@/lib/throttle";
import { sql, testDatabaseUrl } from "./setup/database";

// The shared throttles (lib/throttle): a window per key counted in Postgres, exact under
// concurrency, and the same count whichever process makes the attempt.

const T0 = 1_800_000_000_000;
let serial = 0;
const fresh = (limit: number, windowMs = 60_000) =>
  createThrottle({ name: `test-${++serial}-${Date.now()}`, limit, windowMs });

afterAll(async () => {
  await closeThrottles();
});

describe("createThrottle", () => {
  it("allows `limit` attempts in a window from the first one, refuses the next with the wait, and opens again after", async () => {
    const throttle = fresh(3);
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await throttle.hit("a", T0 + i * 1_000));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    expect(await throttle.retryAfterSeconds("a", T0 + 30_000)).toBe(30);
    expect(await throttle.hit("a", T0 + 41_000)).toEqual({
      allowed: false,
      hits: 4,
      remaining: 0,
      retryAfterSeconds: 19,
    });
    expect((await throttle.hit("b", T0)).allowed).toBe(true);
    expect(await throttle.retryAfterSeconds("a", T0 + 60_000)).toBe(0);
    expect(await throttle.hit("a", T0 + 60_000)).toMatchObject({ allowed: true, hits: 1 });
  });

  it("forgets a key on clear, and keeps throttles with other names apart", async () => {
    const one = fresh(1);
    const other = fresh(1);
    await one.hit("k", T0);
    expect((await one.hit("k", T0)).allowed).toBe(false);
    expect((await other.hit("k", T0)).allowed).toBe(true);
    await one.clear("k");
    expect(await one.retryAfterSeconds("k", T0)).toBe(0);
    expect((await one.hit("k", T0)).allowed).toBe(true);
  });

  it("counts 50 concurrent attempts exactly: `limit` allowed, the rest refused", async () => {
    const throttle = fresh(20);
    const decisions = await Promise.all(Array.from({ length: 50 }, () => throttle.hit("burst", T0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    expect(decisions.map((d) => d.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("counts attempts made by another process in the same window", async () => {
    const name = `test-processes-${Date.now()}`;
    const throttle = createThrottle({ name, limit: 5, windowMs: 60_000 });
    const script = `import { createThrottle, closeThrottles } from "@/lib/throttle";
      const t = createThrottle({ name: ${JSON.stringify(name)}, limit: 5, windowMs: 60_000 });
      for (let i = 0; i < 3; i++) await t.hit("shared", Date.now());
      await closeThrottles();`;
    const run = () =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script],
          {
            cwd: path.resolve("."),
            env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", DATABASE_URL: testDatabaseUrl() },
            stdio: "inherit",
          },
        );
        child.on("error", reject);
        child.on("close", resolve);
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    // Six attempts from two other processes: this one is the seventh.
    expect(await throttle.hit("shared")).toMatchObject({ allowed: false, hits: 7 });
    const [row] = await sql<{ hits: number }>(`SELECT hits FROM throttle_windows WHERE key = $1`, [`${name}:shared`]);
    expect(row!.hits).toBe(7);
  }, 60_000);
});

describe("limitVerificationRequest", () => {
  it("answers 429 in Ukrainian with Retry-After once a client exceeds the limit; another client is unaffected", async () => {
    const request = (address: string) =>
      new Request("http://localhost/verify/x", { headers: { "x-forwarded-for": address } });
    const now = Date.now();
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit; i++)
      expect(await limitVerificationRequest(request("192.0.2.77"), now)).toBeNull();
    const response = await limitVerificationRequest(request("192.0.2.77"), now);
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response?.text()).toContain("Забагато перевірок з вашої адреси");
    expect(await limitVerificationRequest(request("192.0.2.78"), now)).toBeNull();
  });
});
