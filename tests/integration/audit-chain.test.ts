import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as anchorsRoute } from "@/app/api/audit/anchors/route";
import { anchorAuditDays } from "@/lib/audit/anchor-audit-days";
import { auditRowHash } from "@/lib/audit/chain";
import { runWithRequestContext } from "@/lib/audit/request-context";
import { verifyAuditAnchors } from "@/lib/audit/verify-audit-anchors";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { writeAudit, writeAuditMany, type AuditEntry } from "@/lib/audit/write-audit";
import { db, type DbTx } from "@/lib/db/client";
import { expectEvery } from "@/tests/support/expect-every";

// The audit log as a hash chain: rows written by concurrent transactions form one line, a row
// changed, removed or slipped in by hand is named by id and time, each finished day is sealed
// with the portal's seal and published, and `npm run audit:verify` says the same as the page.

const run = promisify(execFile);
const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  actor: { rnokpp: "3333407195", role: "CONSCRIPT" },
  action: "contacts.update",
  entityType: "Person",
  entityId: `person-${n}`,
  details: { n, nested: { b: [1, 2.5, "три"], a: null } },
  ...extra,
});

async function rowsInOrder() {
  return db.auditLog.findMany({
    orderBy: { seq: "asc" },
    select: { id: true, seq: true, hash: true, prevHash: true, at: true },
  });
}

async function audit() {
  const result = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"],
    { env: { ...process.env }, timeout: 60_000 },
  ).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  return result;
}

/**
 * A hand edit as only someone who can switch triggers off (a database superuser) makes it: the
 * append-only trigger refuses it otherwise. The chain is what still tells on them.
 */
function tamper(work: (tx: DbTx) => Promise<unknown>) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
    await work(tx);
  });
}

beforeAll(async () => {
  await writeAudit(db, entry(0));
});

describe("writing", () => {
  it("links every row to the one before, with the request's context", async () => {
    await runWithRequestContext({ ip: "203.0.113.7", userAgent: "Mozilla/5.0 Тест", requestId: "req-1" }, () =>
      db.$transaction((tx) => writeAudit(tx, entry(1, { action: "api_token.issue", edrpou: "41000819" }))),
    );
    await writeAuditMany(db, [entry(2), entry(3), entry(4)]);
    const rows = await rowsInOrder();
    expect(rows).toHaveLength(5);
    rows.forEach((row, i) => expect(row.prevHash).toBe(i === 0 ? null : rows[i - 1]!.hash));
    const withContext = await db.auditLog.findFirstOrThrow({ where: { entityId: "person-1" } });
    expect(withContext).toMatchObject({
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 Тест",
      requestId: "req-1",
      edrpou: "41000819",
    });
    expect(auditRowHash(withContext)).toBe(withContext.hash);
    expect(await verifyAuditChain({ db })).toEqual({ ok: true, rows: 5, anchors: 0 });
  });

  it("keeps one line under concurrent writers, and a rolled-back act leaves no link", async () => {
    const before = await db.auditLog.count();
    // Every fourth writer appends three rows at once (a bulk act): a batch never interleaves.
    const writers = Array.from({ length: 24 }, (_, i) =>
      db
        .$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_sleep(${(i % 4) * 0.01})`;
            if (i % 4 === 3) await writeAuditMany(tx, [entry(100 + i), entry(200 + i), entry(300 + i)]);
            else await writeAudit(tx, entry(100 + i));
            await tx.$executeRaw`SELECT pg_sleep(0.01)`;
            if (i % 6 === 5) throw new Error("rolled back");
          },
          { timeout: 30_000, maxWait: 30_000 },
        )
        .catch((error: Error) => error.message),
    );
    const outcomes = await Promise.all(writers);
    expect(outcomes.filter((o) => o === "rolled back")).toHaveLength(4);
    const rows = await rowsInOrder();
    // 20 writers commit (5, 11, 17 and 23 roll back); of the batches (3, 7, 11, 15, 19, 23) four
    // commit, two rows more each.
    expect(rows).toHaveLength(before + 20 + 4 * 2);
    const details = await db.auditLog.findMany({ orderBy: { seq: "asc" }, select: { entityId: true } });
    for (const i of [3, 7, 15, 19]) {
      const first = details.findIndex((d) => d.entityId === `person-${100 + i}`);
      expect(details.slice(first, first + 3).map((d) => d.entityId)).toEqual([
        `person-${100 + i}`,
        `person-${200 + i}`,
        `person-${300 + i}`,
      ]);
    }
    // Numbered without gaps, whatever rolled back.
    expectEvery(rows.slice(1), (r, i) => r.seq === rows[i]!.seq + 1n);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    rows.forEach((row, i) => expect(row.prevHash).toBe(i === 0 ? null : rows[i - 1]!.hash));
    expectEvery(rows, (r, i) => i === 0 || r.at >= rows[i - 1]!.at);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });
});

describe("a writer with a fixed snapshot", () => {
  it("is refused rather than left trying (Postgres: could not serialize), and writes nothing", async () => {
    const before = await db.auditLog.count();
    const attempt = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT count(*) FROM audit_log`; // the snapshot is taken here
        await writeAudit(db, entry(70)); // a rival commits the next row meanwhile
        await writeAudit(tx, entry(71));
      },
      { isolationLevel: "RepeatableRead", timeout: 30_000 },
    );
    await expect(attempt).rejects.toThrow(/40001|could not serialize/);
    expect(await db.auditLog.count()).toBe(before + 1);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });
});

describe("append-only in the database", () => {
  it("refuses UPDATE and DELETE of a written row, by the ORM and by raw SQL, and changes nothing", async () => {
    const [row] = await rowsInOrder();
    const before = await db.auditLog.findUniqueOrThrow({ where: { id: row!.id } });
    const refusal = /audit_log is append-only/;
    await expect(
      db.$executeRaw`UPDATE audit_log SET details = '{"n":999}'::jsonb WHERE id = ${row!.id}::uuid`,
    ).rejects.toThrow(refusal);
    await expect(
      db.$executeRaw`UPDATE audit_log SET hash = NULL, "prevHash" = NULL WHERE id = ${row!.id}::uuid`,
    ).rejects.toThrow(refusal);
    await expect(db.auditLog.update({ where: { id: row!.id }, data: { action: "admin.created" } })).rejects.toThrow(
      refusal,
    );
    await expect(db.auditLog.delete({ where: { id: row!.id } })).rejects.toThrow(refusal);
    await expect(db.$executeRaw`DELETE FROM audit_log`).rejects.toThrow(refusal);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row!.id } })).toEqual(before);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it("lets a row written before the chain be linked once, and nothing else with it", async () => {
    // The seed writes rows with no hash; the next writer links them (sealPendingRows).
    const unsealed = "00000000-0000-4000-8000-0000000000a1";
    await db.$executeRaw`INSERT INTO audit_log (id, action, "entityType", "entityId", details) VALUES (${unsealed}::uuid, 'contacts.update', 'Person', 'person-seed', '{"seed":true}'::jsonb)`;
    await expect(
      db.$executeRaw`UPDATE audit_log SET hash = 'x', details = '{}'::jsonb WHERE id = ${unsealed}::uuid`,
    ).rejects.toThrow(/append-only/);
    await writeAudit(db, entry(50));
    const sealed = await db.auditLog.findUniqueOrThrow({ where: { id: unsealed } });
    expect(sealed.hash).toBe(auditRowHash(sealed));
    await expect(
      db.$executeRaw`UPDATE audit_log SET hash = ${sealed.hash} WHERE id = ${unsealed}::uuid`,
    ).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });
});

describe("tampering", () => {
  it("names a row changed in the database by id and time, and `npm run audit:verify` exits non-zero", async () => {
    expect(await audit()).toMatchObject({ code: 0, out: expect.stringContaining("Журнал цілісний") });
    const rows = await rowsInOrder();
    const victim = rows[7]!;
    const original = await db.auditLog.findUniqueOrThrow({ where: { id: victim.id }, select: { details: true } });
    await tamper(
      (tx) =>
        tx.$executeRaw`UPDATE audit_log SET details = jsonb_set(details, '{n}', '999') WHERE id = ${victim.id}::uuid`,
    );
    const report = await verifyAuditChain({ db });
    expect(report).toMatchObject({
      ok: false,
      break: { kind: "CHANGED", id: victim.id, seq: victim.seq.toString(), at: victim.at },
    });
    const cli = await audit();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(victim.id);
    expect(cli.out).toContain(victim.at.toISOString());
    await tamper((tx) =>
      tx.auditLog.update({ where: { id: victim.id }, data: { details: original.details ?? undefined } }),
    );
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it("names a removed row's successor, and a row slipped in with a well-formed hash", async () => {
    const rows = await rowsInOrder();
    const removed = await db.auditLog.findUniqueOrThrow({ where: { id: rows[10]!.id } });
    await tamper((tx) => tx.auditLog.delete({ where: { id: removed.id } }));
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, break: { kind: "REMOVED", id: rows[11]!.id } });
    await db.auditLog.create({ data: { ...removed, details: removed.details ?? undefined } });
    expect((await verifyAuditChain({ db })).ok).toBe(true);

    // A forger who knows the algorithm: a row linked to its predecessor with a correct hash of its
    // own, in a gap of the numbers. The writer numbers rows without gaps; a log kept before it drew
    // them from a sequence, where a rolled-back act left one: such a row, linked by the next writer.
    await db.$queryRaw`SELECT nextval(pg_get_serial_sequence('public.audit_log', 'seq')) FROM generate_series(1, 3)`;
    await db.$executeRaw`INSERT INTO audit_log (id, action, "entityType", "entityId", details) VALUES ('00000000-0000-4000-8000-0000000000b2'::uuid, 'contacts.update', 'Person', 'person-old', '{"old":true}'::jsonb)`;
    await writeAudit(db, entry(60));
    expect((await verifyAuditChain({ db })).ok).toBe(true);
    const withGap = await rowsInOrder();
    const at = withGap.findIndex((r, i) => i + 1 < withGap.length && withGap[i + 1]!.seq - r.seq > 1n);
    expect(at).toBeGreaterThanOrEqual(0);
    const forged = {
      ...removed,
      id: "00000000-0000-4000-8000-000000000001",
      seq: withGap[at]!.seq + 1n,
      prevHash: withGap[at]!.hash,
      details: { forged: true },
      hash: "",
    };
    forged.hash = auditRowHash(forged);
    await db.auditLog.create({ data: forged });
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, break: { kind: "INSERTED", id: forged.id } });
    await tamper((tx) => tx.auditLog.delete({ where: { id: forged.id } }));
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });
});

describe("daily anchors", () => {
  it("seals each finished day with the portal's seal, publishes it, and detects a chain cut back past it", async () => {
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    const days = await anchorAuditDays({ db, now: tomorrow });
    expect(days.length).toBeGreaterThanOrEqual(1);
    expect(await anchorAuditDays({ db, now: tomorrow })).toEqual([]);
    expect(await verifyAuditAnchors({ db, now: tomorrow })).toEqual({ ok: true, anchors: days.length });

    const response = await anchorsRoute(new Request("http://localhost/api/audit/anchors"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const published = (await response.json()) as {
      anchors: Array<{ day: string; seq: string; hash: string; content: string; signature: string }>;
      sealCertificate: string;
    };
    const last = (await rowsInOrder()).at(-1)!;
    expect(published.anchors[0]).toMatchObject({ seq: last.seq.toString(), hash: last.hash });
    expect(JSON.parse(Buffer.from(published.anchors[0]!.content, "base64").toString("utf8"))).toEqual({
      type: "bronya.audit-anchor",
      day: published.anchors[0]!.day,
      seq: last.seq.toString(),
      hash: last.hash,
    });
    expect(published.sealCertificate).toContain("BEGIN CERTIFICATE");

    // Rewriting the last sealed row, even with a recomputed hash, no longer matches the seal.
    const row = await db.auditLog.findUniqueOrThrow({ where: { id: last.id } });
    const rewritten = { ...row, details: { rewritten: true } };
    await tamper((tx) =>
      tx.auditLog.update({
        where: { id: row.id },
        data: { details: rewritten.details, hash: auditRowHash(rewritten) },
      }),
    );
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, break: { kind: "ANCHOR", id: row.id } });
    await tamper((tx) =>
      tx.auditLog.update({ where: { id: row.id }, data: { details: row.details ?? undefined, hash: row.hash } }),
    );
    expect((await verifyAuditChain({ db })).ok).toBe(true);

    const anchor = await db.auditAnchor.findFirstOrThrow();
    await db.auditAnchor.update({ where: { day: anchor.day }, data: { hash: "0".repeat(64) } });
    expect(await verifyAuditAnchors({ db, now: tomorrow })).toMatchObject({ ok: false });
  });
});
