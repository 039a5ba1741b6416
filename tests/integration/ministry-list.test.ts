import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import { exportDecisionsCsv } from "@/lib/enterprises/export-decisions-csv";
import { listAuditLog } from "@/lib/enterprises/list-audit-log";
import { REGIONS_TTL_MS } from "@/lib/enterprises/authority-regions";
import { listDecisions } from "@/lib/enterprises/list-decisions";
import { addDays, addMonths } from "@/lib/rules";
import { writeAudit } from "@/lib/audit/write-audit";
import { createCriticalDecision, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { createManufacturer, createMinistryWorld, failure, today } from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";

// The authority's list of enterprises (states, search, filters, sorting, pages), its CSV, and
// the audit log — each scoped to the official's authority.

let world: Awaited<ReturnType<typeof createMinistryWorld>>;
const ids: Record<string, string> = {};
const edrpou: Record<string, string> = {};

beforeAll(async () => {
  world = await createMinistryWorld();
  const own = world.ministry.id;
  const make = async (
    key: string,
    name: string,
    region: string,
    decision: Partial<Parameters<typeof createCriticalDecision>[1]>,
  ) => {
    const enterprise = await createManufacturer(undefined, { name, region });
    edrpou[key] = enterprise.edrpou;
    ids[key] = (
      await createCriticalDecision(db, {
        edrpou: enterprise.edrpou,
        authorityId: own,
        decidedOn: addDays(today, -30),
        validUntil: addMonths(today, 6),
        ...decision,
      })
    ).id;
  };
  await make("active", "Альфа-Енерго", "м. Київ", { number: "1/А", militaryLiableCount: 10 });
  await make("pending", "Бета-Завод", "Харківська область", {
    number: "2/Б",
    decidedOn: today,
    validFrom: addDays(today, 10),
  });
  await make("expired", "Гамма", "м. Київ", {
    number: "3/В",
    decidedOn: addDays(today, -400),
    validUntil: addDays(today, -1),
  });
  await make("revoked", "Дельта", "Львівська область", { number: "4/Г", status: "REVOKED", revokedAt: new Date() });
  await make("capped", "Епсилон", "м. Київ", { number: "5/Д", decidedOn: "2026-04-10", validUntil: "2027-04-09" });
  await make("defence", "Зета-Оборона", "м. Київ", {
    number: "6/Е",
    limitCategory: "DEFENCE_100",
    militaryLiableCount: 4,
    headcount: 8,
  });
  // A name that a spreadsheet would run as a formula.
  await db.enterprise.update({ where: { edrpou: edrpou.capped! }, data: { name: '=HYPERLINK("http://x","Епсилон")' } });
  for (let i = 0; i < 3; i++) {
    const person = await createPerson(db, { employments: [{ edrpou: edrpou.active! }] });
    await createReservationMark(db, { rnokpp: person.rnokpp, edrpou: edrpou.active! });
  }
  const ghost = await createPerson(db, { employments: [{ edrpou: edrpou.expired! }] });
  await createReservationMark(db, { rnokpp: ghost.rnokpp, edrpou: edrpou.expired! });
  // Another authority's decision must never show.
  const foreign = await createManufacturer(undefined, { name: "Альфа-Чужа" });
  await createCriticalDecision(db, { edrpou: foreign.edrpou, authorityId: world.other.id, number: "1/А" });
});

const list = (query: Record<string, unknown> = {}, pageSize?: number) =>
  listDecisions(createCtx({ actor: world.official.actor }), { query, pageSize });

describe("listDecisions", () => {
  it("lists only this authority's decisions with their state today (Resolution 692's cap included)", async () => {
    const { rows, total } = await list();
    expect(total).toBe(6);
    const state = Object.fromEntries(rows.map((r) => [r.id, r.state]));
    expect(state).toEqual({
      [ids.active!]: "ACTIVE",
      [ids.pending!]: "PENDING",
      [ids.expired!]: "EXPIRED",
      [ids.revoked!]: "REVOKED",
      [ids.capped!]: "EXPIRED",
      [ids.defence!]: "ACTIVE",
    });
    const capped = rows.find((r) => r.id === ids.capped)!;
    expect([capped.validUntil, capped.effectiveUntil]).toEqual(["2027-04-09", "2026-09-01"]);
    const active = rows.find((r) => r.id === ids.active)!;
    expect([active.reserved, active.limitCount]).toEqual([3, 5]);
    // Reservations count only while the decision is in force.
    expect(rows.find((r) => r.id === ids.expired)!.reserved).toBe(0);
  });

  it("searches by name, ЄДРПОУ prefix and number; filters by state, category and region", async () => {
    expect((await list({ q: "альфа" })).rows.map((r) => r.id)).toEqual([ids.active]);
    expect((await list({ q: edrpou.pending!.slice(0, 6) })).rows.map((r) => r.id)).toContain(ids.pending);
    expect((await list({ q: "4/Г" })).rows.map((r) => r.id)).toEqual([ids.revoked]);
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ status: "EXPIRED" })).rows.map((r) => r.id).sort()).toEqual([ids.expired, ids.capped].sort());
    expect((await list({ category: "DEFENCE_100" })).rows.map((r) => r.id)).toEqual([ids.defence]);
    expect((await list({ region: "Харківська область" })).rows.map((r) => r.id)).toEqual([ids.pending]);
    expect((await list({ status: "nonsense", sort: "drop table" })).total).toBe(6);
    expect((await list()).regions).toEqual(
      ["Львівська область", "Харківська область", "м. Київ"].sort((a, b) => a.localeCompare(b, "en")),
    );
  });

  it("sorts and pages on the server", async () => {
    const byName = await list({ sort: "name", dir: "asc" });
    expect(byName.rows.map((r) => r.enterpriseName)).toEqual([...byName.rows.map((r) => r.enterpriseName)].sort());
    const byUsage = await list({ sort: "usage", dir: "desc" });
    expect(byUsage.rows[0]!.id).toBe(ids.active);
    const first = await list({ sort: "name", dir: "asc", page: 1 }, 4);
    const second = await list({ sort: "name", dir: "asc", page: 2 }, 4);
    expect([first.rows.length, second.rows.length, first.total, second.total]).toEqual([4, 2, 6, 6]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(6);
    const beyond = await list({ page: 9 }, 4);
    expect([beyond.rows.length, beyond.total]).toEqual([0, 6]);
    // The filter's regions are the authority's, whatever the page or the filter shows.
    const regions = (await list()).regions;
    expect(beyond.regions).toEqual(regions);
    expect((await list({ q: "%" })).regions).toEqual(regions);
    expect((await list({ region: "Харківська область" })).regions).toEqual(regions);
  });

  it("counts the reservations of every page's rows, and sorts by them across pages", async () => {
    // One row a page: each page counts its own row's reservations (not only the first page's).
    const pages = await Promise.all([1, 2, 3, 4, 5, 6].map((page) => list({ page }, 1)));
    const reserved = Object.fromEntries(pages.map((p) => [p.rows[0]!.id, p.rows[0]!.reserved]));
    expect(reserved).toEqual({
      [ids.active!]: 3,
      [ids.pending!]: 0,
      [ids.expired!]: 0,
      [ids.revoked!]: 0,
      [ids.capped!]: 0,
      [ids.defence!]: 0,
    });
    expect((await list({ sort: "reserved", dir: "desc" }, 1)).rows.map((r) => [r.id, r.reserved])).toEqual([
      [ids.active, 3],
    ]);
    expect((await list({ sort: "reserved", dir: "asc", page: 6 }, 1)).rows.map((r) => r.id)).toEqual([ids.active]);
  });

  it("offers a new decision's region at once, and a registry move of an enterprise within the regions' lifetime", async () => {
    // The other authority's list: its own decisions and regions, so this file's counts stay as they are.
    const theirs = (query: Record<string, unknown> = {}, now = new Date()) =>
      listDecisions(createCtx({ actor: world.otherOfficial.actor, now }), { query });
    const before = await theirs();
    expect(before.rows.map((r) => r.enterpriseName)).toEqual([expect.stringContaining("Альфа-Чужа")]);
    expect(before.regions).toEqual([before.rows[0]!.region]);

    const added = await createManufacturer(undefined, { name: "Волинь-Метал", region: "Волинська область" });
    await createCriticalDecision(db, { edrpou: added.edrpou, authorityId: world.other.id, number: "2/Б" });
    const after = await theirs();
    expect(after.total).toBe(2);
    expect(after.regions).toEqual([...new Set([...before.regions, "Волинська область"])].sort());

    // The registry moves it: its row shows the new region at once, the filter offers it within REGIONS_TTL_MS.
    await db.enterprise.update({ where: { edrpou: added.edrpou }, data: { region: "Рівненська область" } });
    const moved = await theirs();
    expect(moved.rows.find((r) => r.edrpou === added.edrpou)!.region).toBe("Рівненська область");
    expect((await theirs({ region: "Рівненська область" })).rows.map((r) => r.edrpou)).toEqual([added.edrpou]);
    expect(moved.regions).toEqual(after.regions);
    const later = await theirs({}, new Date(Date.now() + REGIONS_TTL_MS + 1_000));
    expect(later.regions).toContain("Рівненська область");
    expect(later.regions).not.toContain("Волинська область");
  });

  it("is refused to an administrator", async () => {
    expect((await failure(listDecisions(createCtx({ actor: world.adminActor }), {}))).code).toBe("FORBIDDEN");
  });
});

describe("exportDecisionsCsv", () => {
  it("writes the filtered list as UTF-8 with BOM, semicolons, дд.мм.рррр, formulas neutralised", async () => {
    const { text, fileName } = await exportDecisionsCsv(createCtx({ actor: world.official.actor }), {
      query: { region: "м. Київ" },
    });
    expect(fileName).toBe(`pidpryiemstva-${today}.csv`);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header!.slice(0, 3)).toEqual(["ЄДРПОУ", "Підприємство", "Регіон"]);
    expect(rows).toHaveLength(4);
    const capped = rows.find((r) => r[0] === edrpou.capped)!;
    expect(capped[1]).toBe(`'=HYPERLINK("http://x","Епсилон")`);
    expect(capped[7]).toBe("01.09.2026");
    expect(capped[8]).toBe("Строк минув");
    expect(rows.some((r) => r[0] === edrpou.pending)).toBe(false);
  });
});

describe("listAuditLog", () => {
  it("shows this authority's rows, newest first, filtered by action and day, with names", async () => {
    const actor = { rnokpp: world.official.actor.rnokpp, role: "OFFICIAL" };
    await writeAudit(db, {
      actor,
      action: "decision.granted",
      entityType: "CriticalDecision",
      entityId: ids.active!,
      edrpou: edrpou.active,
      authorityId: world.ministry.id,
    });
    await writeAudit(db, {
      actor,
      action: "decision.revoked",
      entityType: "CriticalDecision",
      entityId: ids.revoked!,
      edrpou: edrpou.revoked,
      authorityId: world.ministry.id,
    });
    await writeAudit(db, {
      actor: { rnokpp: world.otherOfficial.actor.rnokpp },
      action: "decision.granted",
      entityType: "CriticalDecision",
      entityId: "x",
      authorityId: world.other.id,
    });

    const all = await listAuditLog(createCtx({ actor: world.official.actor }), {});
    expect(all.rows.map((r) => r.action)).toEqual(["decision.revoked", "decision.granted"]);
    expect(all.rows[0]).toMatchObject({
      actorName: world.official.actor.fullName,
      enterpriseName: expect.stringContaining("Дельта"),
    });
    expect(all.actions).toEqual(["decision.granted", "decision.revoked"]);
    expect(
      (await listAuditLog(createCtx({ actor: world.official.actor }), { query: { action: "decision.granted" } })).total,
    ).toBe(1);
    expect(
      (await listAuditLog(createCtx({ actor: world.official.actor }), { query: { from: today, to: today } })).total,
    ).toBe(2);
    expect(
      (await listAuditLog(createCtx({ actor: world.official.actor }), { query: { to: addDays(today, -1) } })).total,
    ).toBe(0);
    expect((await listAuditLog(createCtx({ actor: world.otherOfficial.actor }), {})).total).toBe(1);
    expect(
      (
        await failure(
          listAuditLog(
            createCtx({
              actor: { ...world.official.actor, role: "CONSCRIPT", rnokpp: "1759013776", authorityId: undefined },
            }),
            {},
          ),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
