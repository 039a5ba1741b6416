import { beforeAll, describe, expect, it } from "vitest";
import { actorFromRoleOption, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { SignedDocumentKind } from "@/lib/db/client";
import { getDocumentFile } from "@/lib/documents/get-document-file";
import { AppError } from "@/lib/errors";
import { generateRnokpp } from "@/lib/identifiers";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { createCtx } from "@/lib/context-server";

// Downloading signed documents (.p7s, bytes, verification report): the signer, the head and the
// authorized persons of the document's enterprise, the officials of its authority — and for
// anyone else, as for a document that does not exist, "not found".

const PASSWORD = "Docs-Key-Pass1";
const person = (year: number, serial: number, fullName: string) => ({
  rnokpp: generateRnokpp(new Date(Date.UTC(year, 3, 1)), "MALE", serial),
  fullName,
});
const HEAD = { ...person(1970, 11, "Бондар Віктор Іванович"), edrpou: "34218763", organization: "ПрАТ «Турбіна»" };
const OTHER_HEAD = { ...person(1975, 12, "Мельник Олег Петрович"), edrpou: "43892157", organization: "ТОВ «Поле»" };
const OFFICIAL = { ...person(1980, 13, "Марченко Олена Вікторівна"), edrpou: "37508596", organization: "Мінекономіки" };
const AUTHORIZED = person(1985, 14, "Ткаченко Ірина Олександрівна");
const STRANGER = person(1990, 15, "Сторонній Петро Іванович");

let authorityId = "";
let otherAuthorityId = "";
const keys: Record<string, OpenedKeyFile> = {};
const docs: Record<"application" | "decision" | "authorization" | "annulment", string> = {
  application: "",
  decision: "",
  authorization: "",
  annulment: "",
};

const actor = (
  role: Actor["role"],
  who: { rnokpp: string; fullName: string },
  scope: { edrpou?: string; authorityId?: string; unitId?: string } = {},
): Actor =>
  actorFromRoleOption({ userId: null, rnokpp: who.rnokpp, fullName: who.fullName, via: "kep" }, { role, ...scope })!;

const ACTORS = {
  head: () => actor("ENTERPRISE_HEAD", HEAD, { edrpou: HEAD.edrpou }),
  authorized: () => actor("AUTHORIZED_PERSON", AUTHORIZED, { edrpou: HEAD.edrpou }),
  official: () => actor("OFFICIAL", OFFICIAL, { authorityId }),
  otherOfficial: () => actor("OFFICIAL", STRANGER, { authorityId: otherAuthorityId }),
  headAsConscript: () => actor("CONSCRIPT", HEAD),
  otherHead: () => actor("ENTERPRISE_HEAD", OTHER_HEAD, { edrpou: OTHER_HEAD.edrpou }),
  stranger: () => actor("CONSCRIPT", STRANGER),
  recruiter: () => actor("RECRUITER", STRANGER, { unitId: "00000000-0000-4000-8000-000000000001" }),
};
type Audience = keyof typeof ACTORS;

async function store(
  kind: SignedDocumentKind,
  key: OpenedKeyFile,
  scope: { edrpou?: string; authorityId?: string },
  payload: Record<string, string>,
) {
  const content = canonicalJsonBytes({ kind, ...payload });
  const accepted = await db.$transaction((tx) =>
    acceptSignedDocument(
      { db: tx, now: new Date() },
      { kind, content, signature: signDetached(key, content), ...scope },
    ),
  );
  return accepted.id;
}

async function outcome(audience: Audience, documentId: string): Promise<"read" | string> {
  try {
    await getDocumentFile(createCtx({ actor: ACTORS[audience]() }), { documentId, part: "content" });
    return "read";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  await ensureTestProvider({ db, now: new Date() });
  for (const [name, subject] of Object.entries({ head: HEAD, otherHead: OTHER_HEAD, official: OFFICIAL })) {
    keys[name] = openKeyFile(
      (await issueCertificate(createCtx({ actor: null }), { ...subject, password: PASSWORD })).p12,
      PASSWORD,
    );
  }
  authorityId = (
    await db.authority.create({
      data: {
        code: "t-economy",
        name: "Міністерство економіки",
        shortName: "Мінекономіки",
        kind: "MINISTRY",
        edrpou: OFFICIAL.edrpou,
      },
    })
  ).id;
  otherAuthorityId = (
    await db.authority.create({
      data: {
        code: "t-energy",
        name: "Міністерство енергетики",
        shortName: "Міненерго",
        kind: "MINISTRY",
        edrpou: "37552996",
      },
    })
  ).id;
  docs.application = await store(
    "RESERVATION_APPLICATION",
    keys.head!,
    { edrpou: HEAD.edrpou },
    { employee: "1759013776" },
  );
  docs.decision = await store(
    "CRITICAL_DECISION",
    keys.official!,
    { edrpou: HEAD.edrpou, authorityId },
    { decision: "12/2026" },
  );
  docs.authorization = await store(
    "AUTHORIZATION",
    keys.head!,
    { edrpou: HEAD.edrpou },
    { authorized: AUTHORIZED.rnokpp },
  );
  docs.annulment = await store(
    "ANNULMENT_APPLICATION",
    keys.otherHead!,
    { edrpou: OTHER_HEAD.edrpou },
    { employee: "2856200248" },
  );
});

describe("who may download a signed document", () => {
  const expected: Record<Audience, Record<keyof typeof docs, boolean>> = {
    head: { application: true, decision: true, authorization: true, annulment: false },
    authorized: { application: true, decision: true, authorization: true, annulment: false },
    official: { application: false, decision: true, authorization: false, annulment: false },
    otherOfficial: { application: false, decision: false, authorization: false, annulment: false },
    headAsConscript: { application: true, decision: false, authorization: true, annulment: false },
    otherHead: { application: false, decision: false, authorization: false, annulment: true },
    stranger: { application: false, decision: false, authorization: false, annulment: false },
    recruiter: { application: false, decision: false, authorization: false, annulment: false },
  };

  for (const [audience, documents] of Object.entries(expected) as Array<
    [Audience, Record<keyof typeof docs, boolean>]
  >) {
    it(`${audience}`, async () => {
      for (const [document, allowed] of Object.entries(documents) as Array<[keyof typeof docs, boolean]>) {
        expect(await outcome(audience, docs[document]), `${audience} → ${document}`).toBe(
          allowed ? "read" : "NOT_FOUND",
        );
      }
    });
  }

  it("answers a stranger exactly as for a document that does not exist", async () => {
    const missing = await getDocumentFile(createCtx({ actor: ACTORS.stranger() }), {
      documentId: "5b0c7f1e-8d2a-4c3b-9e4f-1a2b3c4d5e6f",
      part: "report",
    }).catch((error: unknown) => error);
    const foreign = await getDocumentFile(createCtx({ actor: ACTORS.stranger() }), {
      documentId: docs.application,
      part: "report",
    }).catch((error: unknown) => error);
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: (missing as AppError).message, status: 404 });
  });

  it("refuses the anonymous, and a malformed id or part, without a query", async () => {
    await expect(
      getDocumentFile(createCtx({ actor: null }), { documentId: docs.application, part: "content" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    await expect(
      getDocumentFile(createCtx({ actor: ACTORS.head() }), { documentId: "1 OR 1=1", part: "content" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getDocumentFile(createCtx({ actor: ACTORS.head() }), { documentId: docs.application, part: "../../etc/passwd" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the files", () => {
  it("hands out the signature and the exact signed bytes as stored", async () => {
    const row = await db.signedDocument.findUniqueOrThrow({ where: { id: docs.decision } });
    const signature = await getDocumentFile(createCtx({ actor: ACTORS.official() }), {
      documentId: docs.decision,
      part: "signature",
    });
    expect(signature).toMatchObject({
      contentType: "application/pkcs7-signature",
      fileName: `rishennia-krytychnist-${docs.decision}.json.p7s`,
    });
    expect(signature.body).toEqual(new Uint8Array(row.signature));
    const content = await getDocumentFile(createCtx({ actor: ACTORS.head() }), {
      documentId: docs.decision,
      part: "content",
    });
    expect(content).toMatchObject({
      contentType: "application/json; charset=utf-8",
      fileName: `rishennia-krytychnist-${docs.decision}.json`,
    });
    expect(content.body).toEqual(new Uint8Array(row.content));
    expect(JSON.parse(new TextDecoder().decode(content.body))).toEqual({
      kind: "CRITICAL_DECISION",
      decision: "12/2026",
    });
  });

  it("reports who signed, when, with which certificate, and its status now", async () => {
    const before = await getDocumentFile(createCtx({ actor: ACTORS.authorized() }), {
      documentId: docs.authorization,
      part: "report",
    });
    const text = new TextDecoder().decode(before.body);
    expect(before.fileName).toBe(`protokol-perevirky-${docs.authorization}.txt`);
    expect(text).toContain("ПРОТОКОЛ ПЕРЕВІРКИ КВАЛІФІКОВАНОГО ЕЛЕКТРОННОГО ПІДПИСУ");
    expect(text).toContain(`ПІБ: ${HEAD.fullName}`);
    expect(text).toContain(`РНОКПП: ${HEAD.rnokpp}`);
    expect(text).toContain(`Серійний номер: ${keys.head!.identity.serial}`);
    expect(text).toMatch(/Статус на момент формування протоколу: чинний/);
    expect(text).toContain("Цілісність: вміст документа збігається з підписаним");

    await revokeCertificate(createCtx({ actor: null }), {
      serial: keys.head!.identity.serial,
      reason: "keyCompromise",
    });
    const after = new TextDecoder().decode(
      (await getDocumentFile(createCtx({ actor: ACTORS.head() }), { documentId: docs.authorization, part: "report" }))
        .body,
    );
    expect(after).toMatch(/Статус на момент формування протоколу: скасований .*компрометація особистого ключа/);
  });
});
