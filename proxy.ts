import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import type { NextFetchEvent } from "next/server";
import { limitVerificationRequest } from "@/lib/evod/verification-rate-limit";

// A first gate only: it sends anonymous visitors of a cabinet to the login page.
// Roles are checked on the server by every page (requireActor) and every domain function.
const cabinetGate = withAuth({ pages: { signIn: "/login" } });

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  // The public check of an е-document (/verify/<code>) needs no login, but a client that floods
  // it gets 429 before the page renders (lib/evod/verification-rate-limit.ts; counted in Postgres).
  if (request.nextUrl.pathname.startsWith("/verify/")) return (await limitVerificationRequest(request)) ?? undefined;
  return cabinetGate(request, event);
}

export const config = {
  matcher: [
    "/company/:path*",
    "/ministry/:path*",
    "/me/:path*",
    "/unit/:path*",
    "/admin/:path*",
    "/staff/:path*",
    "/verify/:path*",
  ],
};
