import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { createCtx } from "@/lib/context-server";
import { isAppError } from "@/lib/errors";
import { forwardedClientAddress as clientAddress } from "@/lib/http/forwarded-address";
import { signInWithKep } from "../kep-login/sign-in-with-kep";
import type { SignedInUser } from "./types";

// Signing in with a КЕП (lib/auth/kep-login): the browser signed the server's one-time challenge
// with a key that never left it; only the challenge and the detached signature arrive here.

function headersOf(request: { headers?: Record<string, unknown> } | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request?.headers ?? {}))
    if (typeof value === "string") headers.set(name, value);
  return headers;
}

export const kepProvider = CredentialsProvider({
  id: "kep",
  name: "КЕП",
  credentials: { challenge: { type: "text" }, signature: { type: "text" } },
  async authorize(raw, request): Promise<SignedInUser> {
    try {
      const login = await signInWithKep(createCtx({ actor: null }), {
        challenge: raw?.challenge,
        signature: raw?.signature,
        clientAddress: clientAddress(headersOf(request as { headers?: Record<string, unknown> })),
      });
      return {
        id: login.user.id,
        rnokpp: login.user.rnokpp,
        fullName: login.user.fullName,
        roles: login.roles,
        via: "kep",
      };
    } catch (error) {
      // next-auth hands the message to the browser as `error`; the form turns the code into text.
      if (!isAppError(error)) console.error("[kep-login]", error);
      throw new Error(isAppError(error) ? error.code : "INTERNAL");
    }
  },
});
