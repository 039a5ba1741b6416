import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importDecisions } from "@/lib/enterprises/import-decisions";
import { importTemplateCsv, parseImportCsv } from "@/lib/enterprises/import-csv";
import { previewImport } from "@/lib/enterprises/preview-import";
import { addDays, addMonths } from "@/lib/rules";
import { formatDate } from "@/lib/format";
import { createEnterprise } from "@/prisma/seed/factories";
import { createManufacturer, createMinistryWorld, failure, portalCounts, sign, today } from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";

// Bulk import: a preview with each row's problems before anything is saved; one signature over
// the whole batch; one transaction, so that a refusal at any row or of the signature saves nothing.

let world: Awaited<ReturnType<typeof createMinistryWorld>>;

beforeAll(async () => {
  world = await createMinistryWorld();
});

const HEADER =
  "ЄДРПОУ;Номер рішення;Дата рішення;Критерії;Підстава звільнення;Категорія ліміту;Військовозобов'язаних;Загальна чисельність;Діє з;Діє до";
const until = formatDate(addDays(addMonths(today, 12), -1));
const row = (
  edrpou: string,
  number: string,
  extra: Partial<Record<"criteria" | "category" | "count" | "headcount" | "until" | "exemption", string>> = {},
) =>
  [
    edrpou,
    number,
    formatDate(today),
    extra.criteria ?? "AVERAGE_SALARY, NO_TAX_ARREARS, STRATEGIC",
    extra.exemption ?? "",
    extra.category ?? "DEFAULT_50",
    extra.count ?? "12",
    extra.headcount ?? "",
    formatDate(today),
    extra.until ?? until,
  ].join(";");
const file = (lines: string[], name = "rishennia.csv") => ({
  name,
  text: `\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`,
});

describe("the template", () => {
  it("parses back to its example row and lists the codes", () => {
    const template = importTemplateCsv();
    expect(template.startsWith("\uFEFFЄДРПОУ;Номер рішення;")).toBe(true);
    expect(template).toContain("# Категорії ліміту: DEFAULT_50");
    const parsed = parseImportCsv(template);
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.values).toMatchObject({
      edrpou: "32855961",
      criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
      salaryExemption: null,
      headcount: null,
      militaryLiableCount: 120,
    });
  });
});

describe("previewImport and importDecisions", () => {
  it("understands the energy-equipment category: 100 % on two criteria, one criterion refused in its row", async () => {
    const a = await createManufacturer();
    const b = await createManufacturer();
    const upload = file([
      row(a.edrpou, "Е-1/2026", { category: "energy_equipment_100", criteria: "NO_TAX_ARREARS, STRATEGIC" }),
      row(b.edrpou, "Е-2/2026", { category: "ENERGY_EQUIPMENT_100", criteria: "STRATEGIC" }),
    ]);
    const preview = await previewImport(createCtx({ actor: world.official.actor }), upload);
    expect(preview.rows[0]!.problems).toEqual({});
    expect(preview.rows[1]!.problems).toMatchObject({ criteria: expect.stringContaining("щонайменше 2 критерії") });
    expect(preview.valid).toBe(false);
    const one = await previewImport(
      createCtx({ actor: world.official.actor }),
      file([row(a.edrpou, "Е-1/2026", { category: "ENERGY_EQUIPMENT_100", criteria: "NO_TAX_ARREARS, STRATEGIC" })]),
    );
    const result = await importDecisions(createCtx({ actor: world.official.actor }), {
      file: file([
        row(a.edrpou, "Е-1/2026", { category: "ENERGY_EQUIPMENT_100", criteria: "NO_TAX_ARREARS, STRATEGIC" }),
      ]),
      nonce: one.prepared!.nonce,
      signature: sign(world.official.key, one.prepared!.document),
    });
    expect(await db.criticalDecision.findUniqueOrThrow({ where: { id: result.decisionIds[0]! } })).toMatchObject({
      limitCategory: "ENERGY_EQUIPMENT_100",
      limitPercent: 100,
      limitCount: 12,
    });
  });

  it("saves a valid batch under one signature, each decision with its event, audit row and the head's notice", async () => {
    const a = await createManufacturer();
    const b = await createManufacturer();
    const upload = file([
      row(a.edrpou, "І-1/2026"),
      row(b.edrpou, "І-2/2026", {
        category: "DEFENCE_100",
        headcount: "40",
        criteria: "AVERAGE_SALARY NO_TAX_ARREARS DEFENCE_CONTRACT",
      }),
    ]);
    const preview = await previewImport(createCtx({ actor: world.official.actor }), upload);
    expect(preview.rows.map((r) => r.problems)).toEqual([{}, {}]);
    expect(preview).toMatchObject({ valid: true, prepared: { count: 2 } });
    const signed = JSON.parse(Buffer.from(preview.prepared!.document, "base64").toString("utf8"));
    expect(signed).toMatchObject({ document: "DECISION_IMPORT", count: 2 });

    const result = await importDecisions(createCtx({ actor: world.official.actor }), {
      file: upload,
      nonce: preview.prepared!.nonce,
      signature: sign(world.official.key, preview.prepared!.document),
    });
    expect(result.decisionIds).toHaveLength(2);
    const saved = await db.criticalDecision.findMany({
      where: { id: { in: result.decisionIds } },
      orderBy: { number: "asc" },
    });
    expect(saved.map((d) => [d.edrpou, d.limitCount, d.signedDocumentId])).toEqual([
      [a.edrpou, 6, result.signedDocumentId],
      [b.edrpou, 40, result.signedDocumentId],
    ]);
    expect(
      await db.decisionEvent.count({
        where: { decisionId: { in: result.decisionIds }, kind: "GRANTED", signedDocumentId: result.signedDocumentId },
      }),
    ).toBe(2);
    expect(
      await db.auditLog.count({ where: { action: "decision.imported", entityId: { in: result.decisionIds } } }),
    ).toBe(2);
    expect(await db.auditLog.count({ where: { action: "decisions.import", entityId: result.signedDocumentId } })).toBe(
      1,
    );
    expect(
      await db.notification.count({
        where: { recipientRnokpp: { in: [a.headRnokpp!, b.headRnokpp!] }, kind: "decision.granted" },
      }),
    ).toBe(2);
  });

  it("shows every row's problems and offers nothing to sign while one row is broken", async () => {
    const good = await createManufacturer();
    const shop = await createEnterprise(db, { kved: "56.10", head: true });
    const before = await portalCounts();
    const preview = await previewImport(
      createCtx({ actor: world.official.actor }),
      file([
        row(good.edrpou, "Б-1"),
        row("32855962", "Б-2"),
        row(shop.edrpou, "Б-3"),
        row(good.edrpou, "Б-4", { criteria: "AVERAGE_SALARY STRATEGIC" }),
        row("32855961", "Б-1", { count: "дванадцять", until: "31/12/2027" }),
      ]),
    );
    expect(preview.valid).toBe(false);
    expect(preview.prepared).toBeNull();
    const [ok, badCode, outside, duplicate, broken] = preview.rows;
    expect(ok!.problems).toEqual({});
    expect(badCode!.problems.edrpou).toBe("Код ЄДРПОУ недійсний: не збігається контрольна цифра");
    expect(outside!.problems.edrpou).toContain("не належить до сфери");
    expect(duplicate!.problems).toMatchObject({
      edrpou: expect.stringContaining("рядку 2"),
      criteria: expect.stringContaining("Відсутність заборгованості"),
    });
    expect(broken!.problems).toMatchObject({
      militaryLiableCount: expect.stringContaining("не ціле"),
      validUntil: expect.stringContaining("дд.мм.рррр"),
      number: expect.stringContaining("рядку 2"),
    });
    expect(await portalCounts()).toEqual(before);
  });

  it("saves nothing when a row became invalid between the preview and the signature", async () => {
    const first = await createManufacturer();
    const second = await createManufacturer();
    const upload = file([row(first.edrpou, "Т-1"), row(second.edrpou, "Т-2")]);
    const preview = await previewImport(createCtx({ actor: world.official.actor }), upload);
    // Meanwhile another authority grants the second enterprise status.
    await db.criticalDecision.create({
      data: {
        edrpou: second.edrpou,
        authorityId: world.other.id,
        number: "чуже-1",
        decidedOn: new Date(`${today}T00:00:00Z`),
        criteria: [],
        limitCategory: "DEFAULT_50",
        limitPercent: 50,
        militaryLiableCount: 2,
        limitCount: 1,
        validFrom: new Date(`${today}T00:00:00Z`),
        validUntil: new Date(`${addMonths(today, 3)}T00:00:00Z`),
      },
    });
    const before = await portalCounts();
    const error = await failure(
      importDecisions(createCtx({ actor: world.official.actor }), {
        file: upload,
        nonce: preview.prepared!.nonce,
        signature: sign(world.official.key, preview.prepared!.document),
      }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(error.details)).toContain("Мінінше");
    expect(await portalCounts()).toEqual(before);
    expect(await db.criticalDecision.count({ where: { edrpou: first.edrpou } })).toBe(0);
  });

  it("saves nothing for a signature by an official of another authority", async () => {
    const enterprise = await createManufacturer();
    const upload = file([row(enterprise.edrpou, "Ч-1")]);
    const preview = await previewImport(createCtx({ actor: world.official.actor }), upload);
    const before = await portalCounts();
    const error = await failure(
      importDecisions(createCtx({ actor: world.official.actor }), {
        file: upload,
        nonce: preview.prepared!.nonce,
        signature: sign(world.otherOfficial.key, preview.prepared!.document),
      }),
    );
    expect(error.code).toBe("SIGNER_NOT_OFFICIAL");
    expect(await portalCounts()).toEqual(before);
  });

  it("refuses a file that is not a CSV, too large, empty or missing columns", async () => {
    const call = (f: { name: string; text: string }) =>
      failure(previewImport(createCtx({ actor: world.official.actor }), f));
    expect((await call({ name: "rishennia.xlsx", text: HEADER })).fields?.name).toContain(".csv");
    expect((await call({ name: "big.csv", text: "x".repeat(600 * 1024) })).code).toBe("VALIDATION_FAILED");
    const multiByte = await failure(
      previewImport(createCtx({ actor: world.official.actor }), { name: "big.csv", text: "ї".repeat(300 * 1024) }),
    );
    expect(multiByte.code).toBe("PAYLOAD_TOO_LARGE");
    expect(
      (await previewImport(createCtx({ actor: world.official.actor }), { name: "a.csv", text: "" })).fileProblems[0],
    ).toContain("порожній");
    expect(
      (
        await previewImport(createCtx({ actor: world.official.actor }), {
          name: "a.csv",
          text: "ЄДРПОУ;Номер рішення\n32855961;1",
        })
      ).fileProblems[0],
    ).toContain("бракує стовпців");
    expect(
      (
        await previewImport(createCtx({ actor: world.official.actor }), {
          name: "a.csv",
          text: "PK\u0003\u0004\u0000\u0000",
        })
      ).fileProblems[0],
    ).toContain("CSV");
  });

  it("is refused to an administrator", async () => {
    expect((await failure(previewImport(createCtx({ actor: world.adminActor }), file([])))).code).toBe("FORBIDDEN");
  });
});
