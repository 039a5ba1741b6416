import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import { kepProvider } from "./providers/kep";
import { passwordProvider } from "./providers/password";
import { isSessionRevoked, newSessionId, revokeSession, SESSION_REVOKED } from "./session-revocation";
import type { SignedInUser } from "./providers/types";
import { sameRoleOption, type RoleOption } from "./roles";
import { createCtx } from "@/lib/context-server";

const SESSION_HOURS = 8;

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [kepProvider, passwordProvider],
  events: {
    // The signed-out cookie is refused from now on, wherever a copy of it is.
    async signOut({ token }) {
      await revokeSession(createCtx({ actor: null }), { sessionId: token?.sid, expiresAtSeconds: token?.exp });
    },
  },
  logger: {
    error(code, metadata) {
      if (
        metadata instanceof Error
          ? metadata.message === SESSION_REVOKED
          : (metadata as { message?: string })?.message === SESSION_REVOKED
      )
        return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        const signedIn = user as unknown as SignedInUser;
        token.uid = signedIn.id;
        token.rnokpp = signedIn.rnokpp;
        token.name = signedIn.fullName;
        token.roles = signedIn.roles;
        token.via = signedIn.via;
        token.active = signedIn.roles.length === 1 ? 0 : null;
        token.sid = newSessionId();
      } else if (await isSessionRevoked(createCtx({ actor: null }), token.sid)) {
        // next-auth answers "no session" and clears the cookie (core/routes/session.js).
        throw new Error(SESSION_REVOKED);
      }
      // The role picker asks for one of the roles the token already lists; nothing else is accepted.
      if (trigger === "update" && session && typeof session === "object" && "activeRole" in session) {
        const wanted = (session as { activeRole: unknown }).activeRole;
        const roles = (token.roles ?? []) as RoleOption[];
        token.active =
          typeof wanted === "number" && Number.isInteger(wanted) && wanted >= 0 && wanted < roles.length
            ? wanted
            : (token.active ?? null);
      }
      return token;
    },
    async session({ session, token }) {
      const roles = (token.roles ?? []) as RoleOption[];
      session.uid = token.uid as string;
      session.rnokpp = (token.rnokpp as string | null) ?? null;
      session.fullName = (token.name as string) ?? "";
      session.roles = roles;
      session.activeRole = typeof token.active === "number" ? (roles[token.active] ?? null) : null;
      session.via = (token.via as "password" | "kep") ?? "password";
      return session;
    },
  },
};

export function findRoleIndex(roles: RoleOption[], wanted: RoleOption) {
  return roles.findIndex((r) => sameRoleOption(r, wanted));
}
