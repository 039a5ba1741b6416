import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { buildVerificationReport } from "@/lib/kep/report";
import { sql } from "./setup/database";
import { createCtx } from "@/lib/context-server";

const HEAD = {
  rnokpp: "2856200248",
  fullName: "Ґонта Олена Петрівна",
  edrpou: "43556710",
  organization: "ТОВ «Енергоатом-Сервіс»",
  title: "Директорка",
};
const PASSWORD = "Report-Key-1";
let key: OpenedKeyFile;

async function store(label: string, signer: OpenedKeyFile = key): Promise<string> {
  const content = canonicalJsonBytes({ edrpou: HEAD.edrpou, label });
  const signature = signDetached(signer, content, { signingTime: new Date("2026-11-20T08:00:00Z") });
  const accepted = await db.$transaction((tx) =>
    acceptSignedDocument(
      { db: tx, now: new Date("2026-11-20T08:00:05Z") },
      { kind: "RESERVATION_APPLICATION", content, signature, edrpou: HEAD.edrpou },
    ),
  );
  return accepted.id;
}

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date("2026-01-01T00:00:00Z") });
  const issued = await issueCertificate(createCtx({ actor: null }), {
    ...HEAD,
    password: PASSWORD,
    validFrom: new Date("2026-11-01T00:00:00Z"),
    validTo: new Date("2027-11-01T00:00:00Z"),
  });
  key = openKeyFile(issued.p12, PASSWORD);
});

describe("buildVerificationReport", () => {
  it("names the signer, the certificate and its status, and confirms the signature again", async () => {
    const id = await store("valid");
    const { text, fileName } = await buildVerificationReport(
      createCtx({ actor: null, now: new Date("2026-11-21T12:00:00Z") }),
      id,
    );
    expect(fileName).toBe(`protokol-perevirky-${id}.txt`);
    expect(text).toContain("ПІБ: Ґонта Олена Петрівна");
    expect(text).toContain("РНОКПП: 2856200248");
    expect(text).toContain("Організація: ТОВ «Енергоатом-Сервіс» (ЄДРПОУ 43556710)");
    expect(text).toContain("Вид: Заява про бронювання");
    expect(text).toContain(`Серійний номер: ${key.identity.serial}`);
    expect(text).toContain("Видавець: Тестовий КНЕДП «Броня»: сертифікат для видачі КЕП");
    expect(text).toContain("Час підписання (зазначений у підписі): 20 листопада 2026");
    expect(text).toContain("Статус на момент формування протоколу: чинний");
    expect(text).toContain("Цілісність: вміст документа збігається з підписаним");
    expect(text).not.toContain("НЕ ПРОЙДЕНА");
  });

  it("shows a later revocation with its time and reason", async () => {
    const own = openKeyFile(
      (
        await issueCertificate(createCtx({ actor: null }), {
          ...HEAD,
          password: PASSWORD,
          validFrom: new Date("2026-11-01T00:00:00Z"),
        })
      ).p12,
      PASSWORD,
    );
    const id = await store("revoked later", own);
    await revokeCertificate(createCtx({ actor: null, now: new Date("2026-11-21T09:00:00Z") }), {
      serial: own.identity.serial,
      reason: "keyCompromise",
    });
    const { text } = await buildVerificationReport(
      createCtx({ actor: null, now: new Date("2026-11-21T12:00:00Z") }),
      id,
    );
    expect(text).toMatch(
      /Статус на момент формування протоколу: скасований 21 листопада 2026 р\. о 11:00 \(причина: компрометація особистого ключа\)/,
    );
    expect(text).toContain(`Серійний номер: ${own.identity.serial}`);
  });

  it("reports content altered in the database as a failed check", async () => {
    const id = await store("tampered");
    await sql(
      `UPDATE signed_documents SET content = convert_to('{"edrpou":"43556710","label":"змінено"}', 'UTF8') WHERE id = $1`,
      [id],
    );
    const { text } = await buildVerificationReport(createCtx({ actor: null }), id);
    expect(text).toContain("НЕ ЗБІГАЄТЬСЯ із записаним при прийнятті!");
    expect(text).toContain("ПЕРЕВІРКА НЕ ПРОЙДЕНА: Підпис накладено на інші дані, ніж подано (CONTENT_MISMATCH)");
  });

  it("answers NOT_FOUND for an unknown document", async () => {
    await expect(
      buildVerificationReport(createCtx({ actor: null }), "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
