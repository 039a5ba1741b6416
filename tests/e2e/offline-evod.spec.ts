import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { CHROMIUM_ARGS, findChromium } from "./support/chromium";

// The conscript's е-document at a checkpoint with no signal: saved once online, shown offline
// from the service worker; nothing else of the cabinet is cached; the copy goes with its user.

const EVOD_PREFIX = "bronya-evod-";
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function openEvodOnline(page: Page) {
  await page.goto("/me/document");
  const issue = page.getByRole("button", { name: "Сформувати еВОД" });
  if (await issue.isVisible()) await issue.click();
  await expect(page.getByTestId("evod")).toBeVisible();
  // The service worker controls the page, and the page has saved its copy.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId("evod-offline-note")).toHaveAttribute("data-state", "saved");
}

/** Every URL held in Cache Storage, by cache. */
async function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });
}

test.describe("the еВОД offline", () => {
  test("opened once, it opens again offline with its QR and a note; other pages are not cached; sign-out deletes it", async ({
    page,
    context,
  }) => {
    await signIn(page, "conscript-reserved");
    await page.goto("/me"); // a page with personal data that must not be kept
    await openEvodOnline(page);

    const caches = await cachedUrls(page);
    const own = Object.keys(caches).filter((name) => name.startsWith(EVOD_PREFIX));
    expect(own).toHaveLength(1);
    expect(caches[own[0]!]).toEqual(["/me/document"]);
    // The rest is the build's static files and public/: no other page of the cabinet.
    for (const [name, urls] of Object.entries(caches)) {
      if (name.startsWith(EVOD_PREFIX)) continue;
      for (const url of urls)
        expect(url, `${name} holds ${url}`).toMatch(/^\/(_next\/static\/|icons\/|favicon\.|manifest\.webmanifest$)/);
    }

    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.headers()["x-offline-copy"]).toBe("saved");
    await expect(page.getByTestId("evod")).toContainText("Військово-обліковий документ");
    await expect(page.getByTestId("evod-qr").locator("svg")).toBeVisible();
    const note = page.getByTestId("evod-offline-note");
    await expect(note).toHaveAttribute("data-state", "offline");
    await expect(note).toContainText("Немає мережі — показано збережену копію");
    await expect(note).toContainText(/Збережено на цьому пристрої \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await expect(note).toContainText("перевіряється онлайн за QR-кодом");
    // Another page of the cabinet is not served from any cache.
    await expect(page.goto("/me")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);

    await context.setOffline(false);
    await page.goto("/me");
    await page.getByRole("button", { name: "Вийти" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/`);
    expect(Object.keys(await cachedUrls(page)).filter((name) => name.startsWith(EVOD_PREFIX))).toEqual([]);

    await context.setOffline(true);
    const offline = await page.goto("/me/document");
    expect(offline?.status()).toBe(503);
    await expect(page.getByRole("heading", { name: "Немає з'єднання з мережею" })).toBeVisible();
    await expect(page.getByTestId("evod")).toHaveCount(0);
    await context.setOffline(false);
  });

  test("when another user signs in on the same device, the previous user's copy is deleted", async ({ page }) => {
    await signIn(page, "conscript-reserved");
    await openEvodOnline(page);
    expect(Object.keys(await cachedUrls(page)).filter((name) => name.startsWith(EVOD_PREFIX))).toHaveLength(1);

    await signIn(page, "conscript-eligible");
    await page.goto("/me");
    await expect(page.getByTestId("current-user")).toHaveText("Лисенко Дмитро Іванович");
    await expect
      .poll(async () => Object.keys(await cachedUrls(page)).filter((name) => name.startsWith(EVOD_PREFIX)))
      .toEqual([]);
  });
});

test("Chromium finds the app installable: a valid manifest and a registered service worker", async () => {
  // Installability is never reported in an off-the-record context, so this one has a profile.
  const profile = mkdtempSync(join(tmpdir(), "bronya-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await findChromium(),
    args: CHROMIUM_ARGS,
    baseURL: BASE_URL,
  });
  try {
    const page = await context.newPage();
    await page.goto("/login");
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL ?? null };
    });
    expect(registration).toEqual({ scope: `${BASE_URL}/`, script: `${BASE_URL}/serwist/sw.js` });

    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: { message: string }[] };
    expect(manifest.url).toBe(`${BASE_URL}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    await expect
      .poll(
        async () =>
          (
            (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] }
          ).installabilityErrors.map((e) => e.errorId),
        { timeout: 20_000 },
      )
      .toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
