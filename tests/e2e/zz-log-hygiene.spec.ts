import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { isValidRnokpp } from "@/lib/identifiers/rnokpp";
import { freshEnterprise, signInAs } from "./company-helpers";

// Last of the run (hence "zz"): everything the launcher, the web server (with its access log,
// what a reverse proxy would keep) and the worker printed during the whole browser run holds no
// РНОКПП — so none travelled in a URL either — and no API token or session.

const logPath = `${process.env.E2E_DATA_DIR ?? ".data/e2e"}.log`;

// Requests the tests forge on purpose to prove a parameter is ignored (conscript.spec.ts asks
// the status API for someone else's РНОКПП): not the portal's URLs, so not its leak.
const DELIBERATE_PROBES = [/^.*\[access\] GET \/api\/v1\/me\/status\?rnokpp=\d{10} \d{3}$/gm];

function leaks(text: string) {
  const log = DELIBERATE_PROBES.reduce((rest, probe) => rest.replace(probe, ""), text);
  // Ten digits with a valid check digit; Unix times in seconds (1.6e9–2e9) are not people.
  const rnokpps = [...log.matchAll(/(?<![\d])\d{10}(?![\d])/g)].map((m) => m[0]).filter((n) => isValidRnokpp(n) && !/^1[6-9]/.test(n));
  const tokens = [...log.matchAll(/brn_[A-Za-z0-9_-]{20,}/g)].map((m) => m[0]);
  const sessions = [...log.matchAll(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g)].map((m) => m[0]);
  return { rnokpps: [...new Set(rnokpps)], tokens, sessions };
}

test("the server's and launcher's logs of the whole run print no РНОКПП and no token", async ({ page }) => {
  // Searching by a РНОКПП and opening an employee are the paths that used to put one in a URL.
  const e = freshEnterprise();
  await signInAs(page.request, e.head, "ENTERPRISE_HEAD", e.edrpou);
  await page.goto("/company/employees");
  await page.getByLabel("ПІБ або РНОКПП").fill(e.eligible[0].rnokpp);
  await page.getByRole("button", { name: "Знайти" }).click();
  await expect(page.getByRole("link", { name: e.eligible[0].fullName }).first()).toBeVisible();
  expect(page.url()).not.toContain(e.eligible[0].rnokpp);
  await page.getByRole("link", { name: e.eligible[0].fullName }).first().click();
  await expect(page.getByText(`РНОКПП ${e.eligible[0].rnokpp}`)).toBeVisible();
  expect(page.url()).not.toContain(e.eligible[0].rnokpp);

  await expect.poll(() => readFileSync(logPath, "utf8"), { timeout: 10_000 }).toContain("[access] GET /company/employees/");
  const log = readFileSync(logPath, "utf8");
  expect(log).toContain("[access] ");
  expect(leaks(log)).toEqual({ rnokpps: [], tokens: [], sessions: [] });
});
