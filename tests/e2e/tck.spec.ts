import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import QRCode from "qrcode";
import { addDays } from "@/lib/rules";
import { readPdf } from "../integration/pdf-reader";
import { signIn, signInWithPassword } from "./support/auth";
import { dayAhead, dmy, kyivToday } from "./support/dates";
import { demoKey } from "./support/demo-keys";
import { runFixture } from "./support/run-fixture";

// Issue 12's «Done when» in the browser: the demo officer filters the register (a surname only the
// fixture's people carry, ages 25–59) and forms mobilisation notices for the filter — the reserved
// and the deferred person are refused with their reasons, the three others formed, the 20-year-old
// outside the filter untouched; a past date or an hour outside working time forms nothing. The
// officer has no way to sign; the head signs the batch with his КЕП in the browser; every signed
// notice links to the public check; the batch's PDF has one page per notice whose QR code is
// that check's absolute address, which a logged-out browser opens: valid, initials only. The post's CSV: a file
// with an unknown notice is refused whole, the correct ones mark the letter sent and then
// delivered, which the citizen sees in /me/notices.

type Person = { rnokpp: string; fullName: string };
type Family = {
  lastName: string;
  eligible: Person[];
  reserved: Person & { edrpou: string; until: string };
  deferred: Person & { ground: string; until: string };
  young: Person;
  citizen: Person & { password: string };
  tcc: string;
};

function family(): Family {
  return runFixture<Family>("tests/e2e/tck-fixture.ts", ["filter"]);
}

/** The modules of the QR code the portal draws for a URL (error correction M, as the PDF's). */
function qrModules(url: string): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  );
}

async function batchesCount(page: Page): Promise<number> {
  await page.goto("/tck/notices");
  await expect(page.getByRole("heading", { level: 1, name: "Повістки" })).toBeVisible();
  return page.locator("table tbody tr").count();
}

async function uploadCsv(page: Page, name: string, lines: string[]) {
  await page.getByTestId("postal-csv").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${lines.join("\n")}\n`, "utf8"),
  });
  await expect(page.getByTestId("postal-preview")).toBeVisible();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("ТЦК: notices for a filter refuse the reserved and the deferred, the head signs, the QR checks, the post delivers", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const f = family();
  expect(f.eligible).toHaveLength(3);

  // 1. The officer filters the register: the fixture's surname, ages 25–59.
  await signIn(page, "tck-officer");
  const before = await batchesCount(page);
  await page.goto("/tck");
  const filters = page.getByRole("form", { name: "Фільтри реєстру" });
  await filters.getByLabel("Прізвище або РНОКПП").fill(f.lastName);
  await filters.getByLabel("Вік").selectOption("25-59");
  await filters.getByRole("button", { name: "Знайти" }).click();
  await expect(page).toHaveURL(/ageBand=25-59/);
  // The surname travels sealed, never in the address.
  expect(decodeURIComponent(page.url())).not.toContain(f.lastName);
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole("link", { name: f.young.fullName })).toHaveCount(0);
  await expect(rows.filter({ hasText: f.reserved.fullName })).toContainText(`Заброньовано до ${dmy(f.reserved.until)}`);
  await expect(rows.filter({ hasText: f.deferred.fullName })).toContainText(`Відстрочка до ${dmy(f.deferred.until)}`);

  const form = page.getByRole("form", { name: "Формування повісток" });
  await form.getByLabel("Усім за поточним фільтром").check();
  await expect(form.getByLabel("Вид повістки")).toHaveValue("MOBILISATION");

  // 5. Bad input first: a past date and an hour after closing time are refused in Ukrainian, and
  // what the officer typed stays as typed (the form used to be reset by React after its action).
  const place = "м. Дніпро, вул. Наскрізна, 7, каб. 4";
  const yesterday = addDays(kyivToday(), -1);
  await form.getByLabel("Дата явки").fill(yesterday);
  await form.getByLabel("Час явки").fill("10:30");
  await form.getByLabel("Місце явки").fill(place);
  await form.getByRole("button", { name: "Сформувати" }).click();
  await expect(page.getByTestId("form-notices-error")).toContainText("Дата явки має бути пізнішою за сьогоднішню");
  await expect(page).toHaveURL(/\/tck\?/);
  await expect(form.getByLabel("Дата явки")).toHaveValue(yesterday);
  await expect(form.getByLabel("Місце явки")).toHaveValue(place);
  await expect(form.getByLabel("Усім за поточним фільтром")).toBeChecked();
  const appearDate = dayAhead();
  await form.getByLabel("Дата явки").fill(appearDate);
  await form.getByLabel("Час явки").fill("18:30");
  await form.getByRole("button", { name: "Сформувати" }).click();
  await expect(page.getByTestId("form-notices-error")).toHaveText(
    "Час явки має бути в робочі години ТЦК: з 08:00 до 17:00",
  );
  await expect(page).toHaveURL(/\/tck\?/);
  await expect(form.getByLabel("Дата явки")).toHaveValue(appearDate);

  // A working day and hour: the batch is formed.
  await form.getByLabel("Час явки").fill("10:30");
  await form.getByRole("button", { name: "Сформувати" }).click();
  await expect(page).toHaveURL(/\/tck\/notices\/[0-9a-f-]{36}$/);
  const batchUrl = page.url();
  await expect(page.getByTestId("batch-summary")).toHaveText(
    "Сформовано повісток: 3 · відмовлено (особи під захистом закону): 2",
  );
  const refusals = page.getByTestId("refusals").locator("tbody tr");
  await expect(refusals).toHaveCount(2);
  await expect(refusals.filter({ hasText: f.reserved.fullName })).toContainText(
    `Особу заброньовано до ${dmy(f.reserved.until)} (ЄДРПОУ ${f.reserved.edrpou})`,
  );
  await expect(refusals.filter({ hasText: f.deferred.fullName })).toContainText(
    `Особа має відстрочку: ${f.deferred.ground} — до ${dmy(f.deferred.until)}`,
  );
  const notices = page.getByTestId("batch-notice");
  await expect(notices).toHaveCount(3);
  for (const person of f.eligible) {
    await expect(notices.filter({ hasText: person.fullName })).toHaveAttribute("data-status", "FORMED");
  }
  await expect(notices.filter({ hasText: f.reserved.fullName })).toHaveCount(0);
  await expect(notices.filter({ hasText: f.deferred.fullName })).toHaveCount(0);
  // Only the good attempt made a batch: the two refused forms wrote nothing.
  expect(await batchesCount(page)).toBe(before + 1);

  // 2. The officer has no way to sign; not until the head signs is there anything to check.
  await page.goto(batchUrl);
  await expect(page.getByText("Пакет чекає підпису начальника ТЦК та СП.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Підписати КЕП" })).toHaveCount(0);
  await expect(page.getByTestId("notice-verify-link")).toHaveCount(0);
  const unsignedPdf = await page.request.get(`${batchUrl}/pdf`);
  expect(unsignedPdf.status()).toBe(409);

  const head = await freshPage(browser);
  await signIn(head.page, "tck-head");
  await head.page.goto(batchUrl);
  await head.page.getByRole("button", { name: "Підписати КЕП" }).click();
  const key = demoKey("tck-head");
  const signer = head.page.getByTestId("kep-signer");
  await signer.getByTestId("kep-file").setInputFiles(key.file);
  await signer.getByLabel("Пароль до ключа").fill(key.password);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  await signer.getByRole("button", { name: "Підписати пакет" }).click();
  // The page refreshes from the server once the signature is accepted: the batch names its signer
  // (the signer's own «signed» notice goes away with the button, so it is not waited for).
  await expect(head.page.getByText(/^Підписано КЕП: Мороз Василь Григорович, /)).toBeVisible({ timeout: 30_000 });
  await expect(head.page.getByTestId("kep-error")).toHaveCount(0);
  await expect(head.page.getByRole("button", { name: "Підписати КЕП" })).toHaveCount(0);
  await head.context.close();

  // 3. Each signed notice: its number and the address its QR code carries.
  await page.reload();
  await expect(page.getByText(/^Підписано КЕП: Мороз Василь Григорович, /)).toBeVisible();
  await expect(page.locator('[data-testid="batch-notice"][data-status="SIGNED"]')).toHaveCount(3);
  const links = page.getByTestId("notice-verify-link");
  await expect(links).toHaveCount(3);
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  expect(new Set(hrefs).size).toBe(3);
  for (const href of hrefs) expect(href).toMatch(/^\/verify\/notice\/[A-Za-z0-9_-]{22}$/);

  const citizenRow = notices.filter({ hasText: f.citizen.fullName });
  const number = ((await citizenRow.locator("td").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^П-\d{4}\/\d{6,}$/);
  const checkHref = await citizenRow.getByTestId("notice-verify-link").getAttribute("href");

  // The batch's PDF for printing: one page per notice, each with the QR code of its own check's
  // absolute address; the address on the citizen's page is what a logged-out browser opens next.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Завантажити PDF для друку" }).click(),
  ]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pdfResponse = await page.request.get(`${batchUrl}/pdf`);
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  const sheets = readPdf(pdf).pages;
  expect(sheets).toHaveLength(3);
  const urls = hrefs.map((href) => `${baseURL}${href}`);
  const printed = sheets.map((sheet) =>
    urls.findIndex((url) => JSON.stringify(qrModules(url)) === JSON.stringify(sheet.qr)),
  );
  expect(new Set(printed)).toEqual(new Set([0, 1, 2]));
  const citizenSheet = sheets[printed.indexOf(hrefs.indexOf(checkHref!))]!;
  const qrUrl = urls[hrefs.indexOf(checkHref!)]!;
  expect(citizenSheet.qr).toEqual(qrModules(qrUrl));
  expect(citizenSheet.text).toContain(number);
  expect(citizenSheet.text).toContain(f.citizen.fullName);

  const stranger = await freshPage(browser);
  await stranger.page.goto(qrUrl);
  const verdict = stranger.page.getByTestId("verify-result");
  await expect(verdict).toHaveAttribute("data-status", "VALID");
  await expect(verdict).toContainText("Повістка дійсна");
  await expect(stranger.page.getByTestId("verify-number")).toHaveText(number);
  await expect(stranger.page.getByTestId("verify-kind")).toHaveText(
    "Для відправлення до військової частини (мобілізація)",
  );
  await expect(stranger.page.getByTestId("verify-initials")).toHaveText(
    `${f.lastName.charAt(0)}. ${f.citizen.fullName.split(" ")[1]!.charAt(0)}. П.`,
  );
  await expect(verdict).toContainText(f.tcc);
  await expect(verdict).toContainText(dmy(appearDate));
  const publicText = (await stranger.page.locator("body").textContent()) ?? "";
  expect(publicText).not.toContain(f.citizen.rnokpp);
  expect(publicText).not.toContain(f.lastName);
  // A forged code is not a notice.
  await stranger.page.goto(`/verify/notice/${"A".repeat(22)}`);
  await expect(stranger.page.getByTestId("verify-result")).toHaveAttribute("data-status", "UNKNOWN");
  await stranger.context.close();

  // 4. The post's report. A file naming a notice this ТЦК never formed is refused whole.
  const tracking = `RB${Date.now().toString().slice(-9)}UA`;
  const today = dmy(kyivToday());
  const header = "Трек-номер;Номер повістки;Статус;Дата";
  const unknown = `П-${number.slice(2, 6)}/9999999999`;
  await page.goto("/tck/delivery");
  await uploadCsv(page, "bad.csv", [
    header,
    `${tracking};${number};прийнято;${today}`,
    `RB000000001UA;${unknown};прийнято;${today}`,
  ]);
  const problems = page.getByTestId("postal-problems");
  await expect(problems.locator("tbody tr")).toHaveCount(1);
  await expect(problems.locator("tbody tr td").nth(0)).toHaveText("3");
  await expect(problems.locator("tbody tr td").nth(1)).toHaveText(
    `Повістку ${unknown} не знайдено серед повісток цього ТЦК та СП`,
  );
  await expect(page.getByText("поки є хоч одна помилка, жодного рядка не буде записано")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Застосувати/ })).toHaveCount(0);
  await page.goto(batchUrl);
  await expect(citizenRow).toHaveAttribute("data-status", "SIGNED");

  // The correct report: the letter is accepted by the post…
  await page.goto("/tck/delivery");
  await uploadCsv(page, "sent.csv", [header, `${tracking};${number};прийнято;${today}`]);
  const changes = page.getByTestId("postal-changes").locator("tbody tr");
  await expect(changes).toHaveCount(1);
  await expect(changes).toContainText(number);
  await expect(changes).toContainText(f.citizen.fullName);
  await expect(changes).toContainText("Надіслано поштою");
  await page.getByRole("button", { name: "Застосувати (1)" }).click();
  await expect(page.getByText("Записано рядків: 1.")).toBeVisible();
  // …and then handed to him.
  await uploadCsv(page, "delivered.csv", [header, `${tracking};;вручено;${today}`]);
  await expect(changes).toHaveCount(1);
  await expect(changes).toContainText(number);
  await expect(changes).toContainText("Вручено");
  await page.getByRole("button", { name: "Застосувати (1)" }).click();
  await expect(page.getByText("Записано рядків: 1.")).toBeVisible();

  await page.goto(batchUrl);
  await expect(citizenRow).toHaveAttribute("data-status", "DELIVERED");
  await expect(citizenRow).toContainText("Вручено");
  await expect(page.locator('[data-testid="batch-notice"][data-status="SIGNED"]')).toHaveCount(2);

  // The citizen sees his notice delivered.
  const citizen = await freshPage(browser);
  await signInWithPassword(citizen.page, f.citizen.rnokpp, f.citizen.password);
  await citizen.page.goto("/me/notices");
  const mine = citizen.page.getByTestId("my-notice");
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute("data-status", "DELIVERED");
  await expect(mine.getByTestId("my-notice-number")).toHaveText(`Повістка ${number}`);
  await expect(mine).toContainText("Вручено");
  await expect(mine).toContainText(tracking);
  await citizen.context.close();
});
