import { existsSync } from "node:fs";

// Playwright's own browser downloads are not reachable here, so the e2e layer drives the
// system's Chromium (Debian's package) and falls back to Playwright's browser where one is installed.
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

export const INSTALL_HINT = "sudo apt-get install -y chromium   (або: CHROMIUM_PATH=/шлях/до/chromium npm test)";

export async function findChromium(): Promise<string | undefined> {
  for (const candidate of CANDIDATES) if (candidate && existsSync(candidate)) return candidate;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: no executablePath needed
  } catch {
    // no Playwright browser either
  }
  throw new Error(`Не знайдено Chromium для браузерних тестів. Встановіть його однією командою:\n  ${INSTALL_HINT}`);
}

/** Flags that keep Chromium off the network this machine does not have. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
];
