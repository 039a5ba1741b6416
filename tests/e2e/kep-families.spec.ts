import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import forge from "node-forge";
import gost89 from "gost89";
import jk, { type Priv } from "jkurwa";
import jksreader from "jksreader";
import { fixture, openSigner, signInAs, tick, type Enterprise } from "./company-helpers";
import { containerSecrets, findKeyMaterial, type SentRequest } from "./kep-leak-detector";

// In Chromium with the real <KepSigner>: a head signs one application with his DSTU 4145
// Key-6.dat (and its certificate) and another with his ECDSA P-256 .p12; both are decided. A head
// signs in with his DSTU Key-6.dat. Nothing any page sends carries a key file, its private key or
// its password.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");
const keysFolder = path.join(dataDir, "demo-keys");
type HeadKeys = {
  jksKeyFile: string;
  jksSerials: [string, string];
  dstuKeyFile: string;
  dstuCertificate: string;
  ecdsaKeyFile: string;
  ecdsaCertificate: string;
};

function dstuScalar(file: Uint8Array, password: string): Uint8Array {
  const store = jk.Priv.from_protected(Buffer.from(file), password, gost89.compat.algos());
  return new Uint8Array(store.keys[0]!.d.buf8());
}

/** The certificates (public) and the private scalars of every key in a .jks, read with jkurwa's reader. */
function jksCertificates(file: Uint8Array): Uint8Array[] {
  return jksreader
    .parse(Buffer.from(file))!
    .material.flatMap((part) => (part.certs ?? []).map((der) => new Uint8Array(der)));
}
function jksScalars(file: Uint8Array, password: string): Uint8Array[] {
  return jksreader.parse(Buffer.from(file))!.material.flatMap((part) => {
    const parsed = jk.Priv.from_asn1(Buffer.from(jksreader.decode(part.key, password)!), true) as { keys: Priv[] };
    return parsed.keys.map((key) => new Uint8Array(key.d.buf8()));
  });
}

function recordRequests(page: Page): SentRequest[] {
  const sent: SentRequest[] = [];
  page.on("request", (request) => {
    sent.push({ method: request.method(), url: request.url(), body: request.postDataBuffer() });
  });
  return sent;
}

/** Every certificate a .p12 carries (public: the CA certificates' names travel in every signature). */
function p12Certificates(file: Uint8Array, password: string): Uint8Array[] {
  const pfx = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(Buffer.from(file).toString("binary"), true),
    true,
    password,
  );
  return (pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as unknown as { asn1: forge.asn1.Asn1 }).asn1;
    return Uint8Array.from(forge.asn1.toDer(asn1).getBytes(), (char) => char.charCodeAt(0));
  });
}

function ecdsaScalar(file: Uint8Array, password: string): Uint8Array {
  const pfx = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(Buffer.from(file).toString("binary"), true),
    true,
    password,
  );
  const bag = pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
    forge.pki.oids.pkcs8ShroudedKeyBag!
  ]![0]! as unknown as { asn1: forge.asn1.Asn1 };
  const ecPrivateKey = forge.asn1.fromDer((bag.asn1.value as forge.asn1.Asn1[])[2]!.value as string, true);
  return Uint8Array.from((ecPrivateKey.value as forge.asn1.Asn1[])[1]!.value as string, (char) => char.charCodeAt(0));
}

async function applyAndSign(
  page: Page,
  person: { fullName: string; rnokpp: string },
  key: { file: string; certificate?: string; password: string; pickSerial?: string },
) {
  await page.goto("/company/applications/new");
  await tick(page, person);
  await page.getByTestId("wizard-next").click();
  await expect(page.getByTestId("step-counter")).toHaveText("Крок 2 з 4");
  await page.getByTestId("wizard-next").click();
  await expect(page.getByTestId("precheck-summary")).toHaveText(/^Буде заброньовано 1 з 1/, { timeout: 30_000 });
  const signer = await openSigner(page);
  await signer.getByTestId("kep-file").setInputFiles(key.file);
  if (key.certificate) await signer.getByTestId("kep-certificate").setInputFiles(key.certificate);
  await signer.getByLabel("Пароль до ключа").fill(key.password);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  await expect(signer.getByTestId("kep-identity")).toBeVisible({ timeout: 30_000 });
  if (key.pickSerial) {
    const choice = signer.getByTestId("kep-key-choice");
    await expect(choice.getByRole("radio")).toHaveCount(2);
    await choice.getByRole("radio", { name: new RegExp(key.pickSerial.slice(0, 12)) }).check();
  }
  await signer.getByRole("button", { name: "Підписати й подати" }).click();
  await expect(page).toHaveURL(/\/company\/applications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("decision-done")).toContainText("Заброньовано 1 з 1", { timeout: 60_000 });
  return page.url().split("/").pop()!;
}

test("a head signs an application with his DSTU 4145 Key-6.dat; it is decided, and no key material leaves the page", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const e = fixture<Enterprise & { headKeys: HeadKeys }>("enterprise", path.join(dataDir, "company-e2e"), "families");
  const sent = recordRequests(page);
  await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);
  await applyAndSign(page, e.eligible[0], {
    file: e.headKeys.dstuKeyFile,
    certificate: e.headKeys.dstuCertificate,
    password: e.head.keyPassword,
  });

  const dstuFile = new Uint8Array(readFileSync(e.headKeys.dstuKeyFile));
  const secrets = containerSecrets(dstuFile, e.head.keyPassword, {
    certificates: [],
    privateNumbers: [dstuScalar(dstuFile, e.head.keyPassword)],
  });
  expect(sent.filter((request) => request.method === "POST").length).toBeGreaterThan(0);
  for (const request of sent) expect(findKeyMaterial(request, secrets), `${request.method} ${request.url}`).toBeNull();
});

test("a head signs an application with his ECDSA key file; it is decided, and no key material leaves the page", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const e = fixture<Enterprise & { headKeys: HeadKeys }>("enterprise", path.join(dataDir, "company-e2e"), "families");
  const sent = recordRequests(page);
  await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);
  await applyAndSign(page, e.eligible[1], { file: e.headKeys.ecdsaKeyFile, password: e.head.keyPassword });

  const ecdsaFile = new Uint8Array(readFileSync(e.headKeys.ecdsaKeyFile));
  const secrets = containerSecrets(ecdsaFile, e.head.keyPassword, {
    certificates: [
      new Uint8Array(readFileSync(e.headKeys.ecdsaCertificate)),
      ...p12Certificates(ecdsaFile, e.head.keyPassword),
    ],
    privateNumbers: [ecdsaScalar(ecdsaFile, e.head.keyPassword)],
  });
  expect(sent.filter((request) => request.method === "POST").length).toBeGreaterThan(0);
  for (const request of sent) expect(findKeyMaterial(request, secrets), `${request.method} ${request.url}`).toBeNull();
});

test("a head's .jks holds two signing keys and a key-agreement key: he picks the second signing key, signs, it is decided with that certificate; no key material leaves the page", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const e = fixture<Enterprise & { headKeys: HeadKeys }>("enterprise", path.join(dataDir, "company-e2e"), "families");
  const sent = recordRequests(page);
  await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);
  const applicationId = await applyAndSign(page, e.eligible[2], {
    file: e.headKeys.jksKeyFile,
    password: e.head.keyPassword,
    pickSerial: e.headKeys.jksSerials[1],
  });
  const stored = fixture<{ signedDocument: { certificateSerial: string } }>("document", applicationId);
  expect(stored.signedDocument.certificateSerial).toBe(e.headKeys.jksSerials[1]);

  const jksFile = new Uint8Array(readFileSync(e.headKeys.jksKeyFile));
  const secrets = containerSecrets(jksFile, e.head.keyPassword, {
    certificates: jksCertificates(jksFile),
    privateNumbers: jksScalars(jksFile, e.head.keyPassword),
  });
  for (const request of sent) expect(findKeyMaterial(request, secrets), `${request.method} ${request.url}`).toBeNull();
});

test("a demo head signs in with his DSTU 4145 Key-6.dat and its certificate; neither key nor password leaves the browser", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const manifest = JSON.parse(readFileSync(path.join(keysFolder, "index.json"), "utf8")) as {
    keys: Array<{
      id: string;
      role: string;
      fullName: string;
      rnokpp: string;
      algorithm: string;
      container: string;
      file: string;
      certificate: string;
      password: string;
    }>;
  };
  const key = manifest.keys.find((entry) => entry.id === "head-small-dstu");
  expect(key, "head-small-dstu in demo-keys/index.json").toMatchObject({
    algorithm: "DSTU4145",
    container: "key6",
    role: "ENTERPRISE_HEAD",
  });
  const file = path.join(keysFolder, key!.file);
  const sent = recordRequests(page);
  await page.goto("/login");
  const signer = page.getByTestId("kep-signer");
  await signer.getByTestId("kep-file").setInputFiles(file);
  await signer.getByTestId("kep-certificate").setInputFiles(path.join(keysFolder, key!.certificate));
  await signer.getByLabel("Пароль до ключа").fill(key!.password);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  await expect(signer.getByTestId("kep-identity")).toContainText(key!.fullName, { timeout: 60_000 });
  await expect(signer.getByTestId("kep-identity")).toContainText(key!.rnokpp);
  await signer.getByRole("button", { name: "Увійти з КЕП" }).click();
  await expect(page).toHaveURL(/\/company$|\/login\/role/, { timeout: 60_000 });
  if (/\/login\/role/.test(page.url())) await page.getByRole("button", { name: /Керівник підприємства/ }).click();
  await expect(page).toHaveURL(/\/company$/);
  await expect(page.getByTestId("current-user")).toHaveText(key!.fullName);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { via?: string; rnokpp?: string };
  expect(session).toMatchObject({ via: "kep", rnokpp: key!.rnokpp });

  const bytes = new Uint8Array(readFileSync(file));
  const secrets = containerSecrets(bytes, key!.password, {
    certificates: [],
    privateNumbers: [dstuScalar(bytes, key!.password)],
  });
  expect(
    sent.some((request) => request.method === "POST" && new URL(request.url).pathname === "/api/auth/callback/kep"),
  ).toBe(true);
  for (const request of sent) expect(findKeyMaterial(request, secrets), `${request.method} ${request.url}`).toBeNull();
});
