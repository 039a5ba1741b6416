import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { demoUser } from "@/prisma/seed/demo-users";
import { unusedTotp } from "./totp";

type SessionJson =
  { activeRole: { role: Role } | null; roles: Array<{ role: Role; edrpou?: string }> } | Record<string, never>;

async function csrf(page: Page) {
  const response = await page.request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Signs a demo user in over HTTP (as the login form does) in the page's browser context and
 * makes `role` the active one. Journeys that test the login screen itself click through it.
 */
export async function signIn(page: Page, key: string, role?: Role) {
  const user = demoUser(key);
  await signInWithPassword(page, user.login, user.password, user.totpSecret ? await unusedTotp(user.totpSecret) : "");
  const wanted = role ?? (user.role as Role);
  const session = (await (await page.request.get("/api/auth/session")).json()) as SessionJson;
  if (!("roles" in session)) throw new Error(`${key}: no session after sign-in`);
  if (session.activeRole?.role === wanted) return;
  const index = session.roles.findIndex(
    (r) => r.role === wanted && (!user.edrpou || !r.edrpou || r.edrpou === user.edrpou),
  );
  if (index < 0) throw new Error(`${key} does not hold the role ${wanted}`);
  const update = await page.request.post("/api/auth/session", {
    data: { csrfToken: await csrf(page), data: { activeRole: index } },
  });
  expect(((await update.json()) as SessionJson & { activeRole: { role: Role } }).activeRole.role).toBe(wanted);
}

/**
 * Signs a person in with a login and password over HTTP (as the login form does) in the page's
 * browser context: a fixture's citizen, or a demo user through signIn (with the one-time code).
 */
export async function signInWithPassword(page: Page, login: string, password: string, totp = "") {
  const response = await page.request.post("/api/auth/callback/password", {
    form: { csrfToken: await csrf(page), login, password, totp, json: "true" },
  });
  expect(response.ok(), `sign-in of ${login}`).toBe(true);
}
