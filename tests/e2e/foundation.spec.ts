import { expect, test } from "@playwright/test";
import { CABINET_PATH, type Role } from "@/lib/auth/roles";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { signIn } from "./support/auth";

test.describe("the portal's shell", () => {
  test("the landing page speaks Ukrainian to all three audiences", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Бронювання працівників");
    for (const audience of ["Керівникам підприємств", "Міністерствам і ОВА", "Військовозобов'язаним"]) {
      await expect(page.getByRole("heading", { name: audience })).toBeVisible();
    }
  });

  test("the login page lists a demo user of every role", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Вхід до порталу" })).toBeVisible();
    for (const user of DEMO_USERS) await expect(page.getByTestId(`demo-user-${user.key}`)).toBeVisible();
  });

  test("a wrong password is refused in Ukrainian and nobody is signed in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Логін").fill(DEMO_USERS[3]!.login);
    await page.getByLabel("Пароль", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Увійти", exact: true }).click();
    await expect(page.getByTestId("login-error")).toContainText("Неправильний логін або пароль");
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session).toEqual({});
  });

  test("a head with two roles signs in through the form, picks the company and lands in its cabinet", async ({
    page,
  }) => {
    await page.goto("/login");
    await page.getByLabel("Логін").fill("2491006118");
    await page.getByLabel("Пароль", { exact: true }).fill("demo-head-2026");
    await page.getByRole("button", { name: "Увійти", exact: true }).click();
    await expect(page).toHaveURL(/\/login\/role/);
    await page.getByRole("button", { name: /Керівник підприємства/ }).click();
    await expect(page).toHaveURL(/\/company$/);
    await expect(page.getByTestId("current-role")).toContainText("Керівник підприємства");
  });

  test("an anonymous visitor of a cabinet is sent to the login page", async ({ page }) => {
    await page.goto("/company");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("every demo user lands in their cabinet", () => {
  for (const user of DEMO_USERS) {
    test(`${user.roleLabel} (${user.key})`, async ({ page }) => {
      await signIn(page, user.key);
      await page.goto(CABINET_PATH[user.role as Role]);
      await expect(page).toHaveURL(new RegExp(`${CABINET_PATH[user.role as Role]}$`));
      await expect(page.getByTestId("current-user")).toHaveText(user.fullName);
    });
  }
});

test("the administrator previews the portal's outgoing mail (demo mode, no SMTP)", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Вихідна пошта" }).click();
  await expect(page.getByRole("heading", { name: "Вихідна пошта" })).toBeVisible();
  await expect(page.getByText("SMTP не налаштовано")).toBeVisible();
});

test.describe("a role is refused another's cabinet", () => {
  const representatives: Array<[string, Role]> = [
    ["admin", "ADMIN"],
    ["official-economy", "OFFICIAL"],
    ["head-noncritical", "ENTERPRISE_HEAD"],
    ["conscript-eligible", "CONSCRIPT"],
    ["recruiter", "RECRUITER"],
  ];
  const cabinets = [...new Set(Object.values(CABINET_PATH))];
  for (const [key, role] of representatives) {
    for (const cabinet of cabinets.filter((c) => c !== CABINET_PATH[role])) {
      test(`${role} on ${cabinet}`, async ({ page }) => {
        await signIn(page, key, role);
        const session = (await (await page.request.get("/api/auth/session")).json()) as {
          roles: Array<{ role: Role }>;
        };
        const holdsIt = session.roles.some((r) => CABINET_PATH[r.role] === cabinet);
        const response = await page.goto(cabinet);
        if (holdsIt) {
          // Someone who also holds that cabinet's role is asked to switch, not refused.
          await expect(page).toHaveURL(/\/login\/role/);
        } else {
          expect(response?.status()).toBe(403);
          await expect(page.getByTestId("forbidden")).toBeVisible();
        }
      });
    }
  }
});
