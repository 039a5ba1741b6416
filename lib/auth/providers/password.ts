import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { createCtx } from "@/lib/context-server";
import { isAppError } from "@/lib/errors";
import { forwardedClientAddress } from "@/lib/http/forwarded-address";
import { z } from "@/lib/zod";
import { listRoleOptions } from "../list-role-options";
import { verifyPasswordLogin } from "../verify-password-login";
import type { SignedInUser } from "./types";

const ZPasswordCredentials = z.object({
  login: z.string().trim().min(1, "Вкажіть логін").max(200),
  password: z.string().min(1, "Вкажіть пароль").max(200),
  totp: z.string().max(12).optional(),
});

/** E-mail (officials) or РНОКПП, a password, and a TOTP code where the account has one. */
export const passwordProvider = CredentialsProvider({
  id: "password",
  name: "Пароль",
  credentials: { login: { type: "text" }, password: { type: "password" }, totp: { type: "text" } },
  async authorize(raw, request): Promise<SignedInUser> {
    const parsed = ZPasswordCredentials.safeParse(raw ?? {});
    if (!parsed.success) throw new Error("INVALID_CREDENTIALS");
    try {
      // scripts/server.ts leaves one X-Forwarded-For entry: the address it trusts (TRUSTED_PROXIES).
      const address = forwardedClientAddress((request as { headers?: Record<string, unknown> } | undefined)?.headers);
      const ctx = createCtx({ actor: null });
      const user = await verifyPasswordLogin(ctx, {
        ...parsed.data,
        totp: parsed.data.totp || undefined,
        address,
      });
      const roles = await listRoleOptions(ctx, { userId: user.id, rnokpp: user.rnokpp });
      if (roles.length === 0) throw new Error("NO_ROLES");
      return { id: user.id, rnokpp: user.rnokpp, fullName: user.fullName, roles, via: "password" };
    } catch (error) {
      // next-auth passes the message to the client as `error`; the login form maps codes to text.
      throw new Error(
        isAppError(error)
          ? error.code
          : error instanceof Error && error.message === "NO_ROLES"
            ? "NO_ROLES"
            : "INTERNAL",
      );
    }
  },
});
