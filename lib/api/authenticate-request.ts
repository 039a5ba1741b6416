import "server-only";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { can } from "@/lib/auth/permissions";
import type { CompanyActor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createCtx } from "@/lib/context-server";

// Who is calling the HR API: an HR system with `Authorization: Bearer brn_…` (it acts as the
// head who issued the token), or a person signed in to the company cabinet (the head or an
// authorized person — their role decides what they may do, in the domain functions).
//
// With the session cookie a write must look like the portal's own fetch: a JSON body and, when
// the browser names one, the portal's origin. A cross-site form cannot send JSON, and a
// cross-site fetch is stopped by the Origin check, so a cookie alone never submits anything.

export async function authenticateRequest(request: Request): Promise<CompanyActor> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer +([^\s]+)$/i.exec(header.trim());
    if (!match) throw new AppError("UNAUTHENTICATED", "Заголовок Authorization має бути у формі «Bearer <токен>»");
    return authenticateApiToken(createCtx({ actor: null }), match[1]!);
  }

  // Loaded only here: a token request (and a test of one) never touches next-auth.
  const { getActor } = await import("@/lib/auth/session");
  const actor = await getActor();
  if (!actor)
    throw new AppError(
      "UNAUTHENTICATED",
      "Увійдіть до кабінету або передайте токен API: Authorization: Bearer <токен>",
    );
  // The company cabinet's permission, as its pages and server actions gate (lib/auth/gate.ts).
  if (!can(actor, "employees.read")) {
    throw new AppError("FORBIDDEN", "HR API доступний керівникам підприємств і довіреним особам");
  }
  if (request.method !== "GET" && request.method !== "HEAD") assertSameSiteJson(request);
  return actor;
}

function assertSameSiteJson(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new AppError("BAD_REQUEST", "Надішліть тіло запиту як JSON (Content-Type: application/json)");
  const origin = request.headers.get("origin");
  // Behind a proxy the request's own URL may name an inner host: the public address counts too.
  const allowed = new Set([new URL(request.url).origin, new URL(env().PORTAL_URL).origin]);
  if (origin !== null && !allowed.has(origin)) throw new AppError("FORBIDDEN", "Запит з іншого сайту відхилено");
}
