import { createServer, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createNextAdmission } from "./admission";

// The web server's admission, over real HTTP: the `serve` callback stands in for Next and holds
// each response open until the test lets it go.

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

async function start(limit: number, queueLimit: number) {
  const gate = createNextAdmission({ limit, queueLimit });
  const held: Array<{ url: string; res: ServerResponse }> = [];
  server = createServer((req, res) => gate.admit(req, res, () => held.push({ url: req.url ?? "", res })));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string, headers: Record<string, string> = {}) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent: false });
    const answer = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        req.on("response", (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on("error", reject);
      },
    );
    req.end();
    // Requests left open at the end are reset by the server's close: not a failure of the test.
    answer.catch(() => undefined);
    return { req, answer };
  };
  return { gate, held, get };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe("createNextAdmission", () => {
  it("hands `limit` requests on, holds the next in order, and lets static files pass at once", async () => {
    const { gate, held, get } = await start(1, 10);
    const first = get("/company");
    const second = get("/ministry");
    await until(() => held.length === 1 && gate.admission.waiting === 1);
    const asset = get("/_next/static/chunks/app.js");
    await until(() => held.length === 2);
    expect(held.map((h) => h.url)).toEqual(["/company", "/_next/static/chunks/app.js"]);
    held[1]!.res.end("asset");
    expect((await asset.answer).body).toBe("asset");
    expect(gate.admission.waiting).toBe(1); // the static file took no place

    held[0]!.res.end("first");
    expect((await first.answer).body).toBe("first");
    await until(() => held.length === 3);
    expect(held[2]!.url).toBe("/ministry");
    held[2]!.res.end("second");
    expect((await second.answer).body).toBe("second");
    await until(() => gate.admission.active === 0);
  });

  it("answers 503 with Retry-After and a Ukrainian message when the line is full (JSON for the API)", async () => {
    const { gate, held, get } = await start(1, 1);
    get("/company");
    get("/company");
    await until(() => held.length === 1 && gate.admission.waiting === 1);
    const api = await get("/api/v1/enterprises/43556710/employees").answer;
    expect(api.status).toBe(503);
    expect(api.headers["retry-after"]).toBe("5");
    expect(JSON.parse(api.body)).toEqual({
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: expect.stringMatching(/^Портал зараз обслуговує дуже багато запитів/),
      },
    });
    const page = await get("/company/employees").answer;
    expect(page.status).toBe(503);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("Портал перевантажений");
    expect(held).toHaveLength(1); // neither refusal reached `serve`
  });

  it("a client that leaves while waiting gives its turn up; one that leaves while served frees its place", async () => {
    const { gate, held, get } = await start(1, 10);
    get("/company");
    const leaving = get("/company/employees");
    const third = get("/ministry");
    await until(() => held.length === 1 && gate.admission.waiting === 2);
    leaving.req.destroy();
    await until(() => gate.admission.waiting === 1);
    // The served client goes away before its answer: its place is freed, and the next is let in.
    held[0]!.res.destroy();
    await until(() => held.length === 2);
    expect(held[1]!.url).toBe("/ministry");
    held[1]!.res.end("ok");
    expect((await third.answer).body).toBe("ok");
    await until(() => gate.admission.active === 0 && gate.admission.waiting === 0);
  });
});
