"use server";

import { authenticator } from "otplib";
import { env } from "@/lib/env";
import { z } from "@/lib/zod";
import { DEMO_USERS } from "@/prisma/seed/demo-users";

const ZDemoKey = z.string().min(1).max(64);

/** Demo mode only: the credentials of a demo user, with the TOTP code valid right now. */
export async function demoCredentials(key: unknown) {
  if (!env().DEMO_MODE) return null;
  const parsed = ZDemoKey.safeParse(key);
  const user = parsed.success ? DEMO_USERS.find((u) => u.key === parsed.data) : undefined;
  if (!user) return null;
  return { login: user.login, password: user.password, totp: user.totpSecret ? authenticator.generate(user.totpSecret) : undefined };
}
