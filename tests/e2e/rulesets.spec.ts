import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { formatDate, kyivDate } from "@/lib/format";
import { addDays } from "@/lib/rules";
import { signIn } from "./support/auth";
import { runFixture } from "./support/run-fixture";

// The methodologist's journey: a version raising the salary threshold from tomorrow is drafted
// in the form, its diff and the what-if over the registry («N бронювань…») read, and it is
// signed with the demo КЕП key; an application checked at 00:30 tomorrow (the clock moved
// through the domain's `now`, in a fixture process) is judged and recorded under it. Then the
// HR API (the cabinet's domain call) refuses a second annulment within 5 days with the date.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

function fixture<T>(...args: string[]): T {
  return runFixture<T>("tests/e2e/rulesets-fixture.ts", args, 120_000);
}

function demoKey(userKey: string): { file: string; password: string } {
  const folder = path.join(dataDir, "demo-keys");
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as {
    keys: Array<{ key: string; file: string; password: string; revoked?: boolean }>;
  };
  const entry = manifest.keys.find((k) => k.key === userKey && !k.revoked);
  if (!entry) throw new Error(`no demo key for ${userKey}`);
  return { file: path.join(folder, entry.file), password: entry.password };
}

test("a methodologist raises the salary threshold from tomorrow; the next day's check uses it", async ({ page }) => {
  const today = kyivDate(new Date());
  const tomorrow = addDays(today, 1);
  await signIn(page, "methodologist");
  await page.goto("/methodology/new");
  await expect(page.getByRole("heading", { name: "Нова версія правил бронювання" })).toBeVisible();
  // The date field shows дд.мм.рррр (DateInput), whatever the browser's language.
  await expect(page.getByLabel("Набирає чинності (00:00 за київським часом)")).toHaveValue(formatDate(tomorrow));
  await page.getByLabel("Назва версії").fill("Поріг заробітної плати — 4 мінімальні");
  await page.getByLabel("Номер акта").fill("1234");
  await page.getByLabel("Кратність, % (300 = 3 мінімальні)").fill("400");
  await page.getByRole("button", { name: "Переглянути зміни й наслідки" }).click();

  const diff = page.getByTestId("ruleset-diff");
  await expect(diff).toContainText("Поріг заробітної плати");
  await expect(diff).toContainText("25 941,00");
  await expect(diff).toContainText("34 588,00");
  await expect(page.getByTestId("what-if-summary")).toHaveText(
    /^\d[\d\s ]* бронювань більше не відповідатимуть правилам: \d[\d\s ]* — нижче нового порогу заробітної плати/,
    { timeout: 30_000 },
  );

  const key = demoKey("methodologist");
  const signer = page.getByTestId("kep-signer");
  await signer.getByTestId("kep-file").setInputFiles(key.file);
  await signer.getByLabel("Пароль до ключа").fill(key.password);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  await signer.getByRole("button", { name: "Підписати версію правил" }).click();
  await expect(page).toHaveURL(/\/methodology\?signed=/, { timeout: 30_000 });
  await expect(page.getByTestId("signed-notice")).toContainText(`me-${tomorrow}`);
  await expect(page.getByTestId(`version-me-${tomorrow}`)).toContainText("Набере чинності");

  const nextDay = fixture<{ rulesetVersion: string; eligible: boolean[]; reasons: string[][] }>("next-day", tomorrow);
  expect(nextDay.rulesetVersion).toBe(`me-${tomorrow}`);
  // 31 000 and 40 000 UAH against 34 588: the first is now below the threshold.
  expect(nextDay.eligible).toEqual([false, true]);
  expect(nextDay.reasons[0]).toContain("SALARY_BELOW_THRESHOLD");
});

test("a second annulment within 5 days is refused with the date it becomes possible", async ({ request }) => {
  const filed = fixture<{ edrpou: string; second: string; token: string }>("annulled");
  const response = await request.post("/api/v1/annulments/drafts", {
    headers: { authorization: `Bearer ${filed.token}` },
    data: { edrpou: filed.edrpou, ground: "HEAD_REQUEST", employees: [{ rnokpp: filed.second }] },
  });
  expect(response.status()).toBe(409);
  const body = (await response.json()) as {
    error: { code: string; message: string; details: { possibleFrom: string } };
  };
  const possibleFrom = addDays(kyivDate(new Date()), 5);
  expect(body.error.code).toBe("ANNULMENT_TOO_SOON");
  expect(body.error.details.possibleFrom).toBe(possibleFrom);
  expect(body.error.message).toContain(
    `наступну можна подати з ${possibleFrom.slice(8, 10)}.${possibleFrom.slice(5, 7)}.${possibleFrom.slice(0, 4)}`,
  );
});
