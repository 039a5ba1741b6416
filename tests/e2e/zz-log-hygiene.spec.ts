import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { freshEnterprise, signInAs } from "./company-helpers";
import { logLeaks } from "./support/log-leaks";

// Last of the run (hence "zz"): everything the launcher, the web server (with its access log,
// what a reverse proxy would keep) and the worker printed during the whole browser run holds no
// РНОКПП — so none travelled in a URL either — and no API token or session. The database-restart
// spec runs a launcher of its own and checks its log the same way.

const logPath = `${process.env.E2E_DATA_DIR ?? ".data/e2e"}.log`;

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

  await expect
    .poll(() => readFileSync(logPath, "utf8"), { timeout: 10_000 })
    .toContain("[access] GET /company/employees/");
  const log = readFileSync(logPath, "utf8");
  expect(log).toContain("[access] ");
  expect(logLeaks(log)).toEqual({ rnokpps: [], tokens: [], sessions: [] });
});
