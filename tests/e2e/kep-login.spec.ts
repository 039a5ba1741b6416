import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { findKeyMaterial, keySecrets, type SentRequest } from "./kep-leak-detector";

// Signing in with a КЕП in Chromium: a demo head downloads their key file on the login page,
// signs in with it and reaches the company cabinet — while every request the page sends is
// recorded and searched for the key file, its private key and its password (none may leave the
// browser). The revoked demo key is refused with a message that says it was revoked; a wrong
// password is the signer's own error, and no request is sent for it.
// The keys are those the launcher wrote for the e2e server (.data/e2e/demo-keys/index.json).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const keysFolder = path.join(path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"), "demo-keys");

type ManifestEntry = {
  id: string;
  key: string;
  role: string;
  fullName: string;
  rnokpp: string;
  edrpou?: string;
  file: string;
  password: string;
  revoked?: boolean;
};

function demoKey(id: string): ManifestEntry & { path: string } {
  const manifest = JSON.parse(readFileSync(path.join(keysFolder, "index.json"), "utf8")) as { keys: ManifestEntry[] };
  const entry = manifest.keys.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no demo key ${id} in ${keysFolder}/index.json`);
  return { ...entry, path: path.join(keysFolder, entry.file) };
}

type Recorded = SentRequest & { headers: Record<string, string> };

/** Every request the page sends from now on, with its body. */
function recordRequests(page: Page): Recorded[] {
  const sent: Recorded[] = [];
  page.on("request", (request) => {
    sent.push({
      method: request.method(),
      url: request.url(),
      body: request.postDataBuffer(),
      headers: request.headers(),
    });
  });
  return sent;
}

/** Next's router fetching a page's payload in the background: GETs that carry nothing of ours. */
const isRouterPrefetch = (request: Recorded) =>
  request.method === "GET" &&
  (request.headers["next-router-prefetch"] !== undefined || request.headers.rsc !== undefined);

async function readKey(page: Page, file: string, password: string) {
  const signer = page.getByTestId("kep-signer");
  await signer.getByTestId("kep-file").setInputFiles(file);
  await signer.getByLabel("Пароль до ключа").fill(password);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  return signer;
}

test.describe("signing in with a КЕП", () => {
  test("the leak detector finds the key and its password wherever a request could carry them", () => {
    const key = demoKey("head-big");
    const file = new Uint8Array(readFileSync(key.path));
    const secrets = keySecrets(file, key.password);
    const [from] = secrets.privateRanges.find(([start, end]) => end - start >= 64)!;
    const slice = file.subarray(from + 5, from + 5 + 40);
    const found = (body: string | Uint8Array, url = "http://localhost/x") =>
      findKeyMaterial({ method: "POST", url, body: typeof body === "string" ? Buffer.from(body) : body }, secrets);

    expect(found(file)).not.toBeNull();
    expect(found(JSON.stringify({ key: Buffer.from(file).toString("base64") }))).not.toBeNull();
    expect(
      found(new URLSearchParams({ part: `x${Buffer.from(slice).toString("base64url")}` }).toString()),
    ).not.toBeNull();
    expect(found(Buffer.from(slice).toString("hex"))).not.toBeNull();
    expect(found("", `http://localhost/x?p=${encodeURIComponent(key.password)}`)).not.toBeNull();
    expect(found(Buffer.from(`pw:${key.password}`).toString("base64"))).not.toBeNull();
    // A real login's body carries the signer's certificate (public by design) and must pass.
    const opened = openKeyFile(file, key.password);
    const challenge = new TextEncoder().encode('{"purpose":"login"}');
    const signature = Buffer.from(signDetached(opened, challenge)).toString("base64");
    expect(
      found(
        new URLSearchParams({
          challenge: Buffer.from(challenge).toString("base64"),
          signature,
          csrfToken: "t",
          json: "true",
        }).toString(),
      ),
    ).toBeNull();
  });

  test("a demo head downloads their key, signs in with it and reaches the company cabinet; neither key nor password leaves the browser", async ({
    page,
  }) => {
    const key = demoKey("head-big");
    const sent = recordRequests(page);
    await page.goto("/login");

    const card = page.getByTestId(`demo-key-${key.id}`);
    await expect(card.getByTestId(`demo-key-password-${key.id}`)).toHaveText(key.password);
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link").click()]);
    expect(download.suggestedFilename()).toBe(`bronya-demo-${key.id}.p12`);
    const downloaded = await download.path();
    const file = new Uint8Array(readFileSync(downloaded));
    expect(Buffer.from(file).equals(readFileSync(key.path))).toBe(true);

    const signer = await readKey(page, downloaded, key.password);
    const identity = signer.getByTestId("kep-identity");
    await expect(identity).toContainText(key.fullName);
    await expect(identity).toContainText(key.rnokpp);
    await expect(identity).toContainText(key.edrpou!);
    await signer.getByRole("button", { name: "Увійти з КЕП" }).click();

    // The head of the big enterprise is also on the military register: two roles, so the picker.
    await expect(page).toHaveURL(/\/login\/role/);
    await page.getByRole("button", { name: /Керівник підприємства/ }).click();
    await expect(page).toHaveURL(/\/company$/);
    await expect(page.getByTestId("current-role")).toContainText("Керівник підприємства");
    await expect(page.getByTestId("current-user")).toHaveText(key.fullName);

    // The login went through the КЕП provider, and its body was recorded (so the search below saw it).
    const challengeRequests = sent.filter(
      (request) => request.method === "POST" && new URL(request.url).pathname === "/api/auth/kep/nonce",
    );
    expect(challengeRequests.length).toBeGreaterThan(0);
    const callback = sent.find(
      (request) => request.method === "POST" && new URL(request.url).pathname === "/api/auth/callback/kep",
    );
    expect(callback?.body, "the sign-in request").toBeTruthy();
    expect(new URLSearchParams(Buffer.from(callback!.body!).toString("utf8")).get("signature")).toMatch(
      /^[A-Za-z0-9+/]+=*$/,
    );

    const secrets = keySecrets(file, key.password);
    for (const request of sent)
      expect(findKeyMaterial(request, secrets), `${request.method} ${request.url}`).toBeNull();

    const session = (await (await page.request.get("/api/auth/session")).json()) as { via?: string; rnokpp?: string };
    expect(session).toMatchObject({ via: "kep", rnokpp: key.rnokpp });
  });

  test("the revoked demo key is refused with a message that says it was revoked", async ({ page }) => {
    const key = demoKey("head-big-revoked");
    expect(key.revoked).toBe(true);
    await page.goto("/login");
    await expect(page.getByTestId(`demo-key-${key.id}`)).toContainText("скасований");

    const signer = await readKey(page, key.path, key.password);
    await expect(signer.getByTestId("kep-identity")).toContainText(key.fullName);
    await signer.getByRole("button", { name: "Увійти з КЕП" }).click();
    await expect(signer.getByTestId("kep-error")).toContainText("Сертифікат скасовано");
    await expect(page).toHaveURL(/\/login/);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  });

  test("a wrong password is the signer's own error, and no request is sent", async ({ page }) => {
    const key = demoKey("head-small");
    await page.goto("/login");
    await expect(page.getByTestId("kep-signer")).toBeVisible();
    await page.waitForLoadState("networkidle");

    const sent = recordRequests(page);
    const signer = await readKey(page, key.path, "Wrong-Password-1");
    await expect(signer.getByTestId("kep-error")).toContainText(
      "Файл розпізнано як PKCS#12 (.p12/.pfx), але пароль до нього неправильний",
    );
    await expect(signer.getByTestId("kep-identity")).toHaveCount(0);
    // Give a stray request the time to show up before concluding there was none.
    await page.waitForTimeout(500);
    expect(
      sent.filter((request) => !isRouterPrefetch(request)).map((request) => `${request.method} ${request.url}`),
    ).toEqual([]);
    const secrets = keySecrets(new Uint8Array(readFileSync(key.path)), key.password);
    for (const request of sent)
      expect(findKeyMaterial(request, secrets), `${request.method} ${request.url}`).toBeNull();
    // No request at all is the expected case here, so this names offenders rather than asserting a non-empty list.
    expect(
      sent
        .filter(
          (request) =>
            request.url.includes("Wrong-Password-1") || Buffer.from(request.body ?? []).includes("Wrong-Password-1"),
        )
        .map((request) => request.url),
    ).toEqual([]);
  });
});
