import { apiRoute } from "@/lib/api/handler";
import { issueLoginChallenge } from "@/lib/auth/kep-login/issue-login-challenge";
import { kepLoginError } from "@/lib/auth/kep-login/kep-login-errors";
import { kepChallengeLimiter } from "@/lib/auth/kep-login/login-throttle";
import { createCtx } from "@/lib/context-server";
import { forwardedClientAddress as clientAddress } from "@/lib/http/forwarded-address";

// POST /api/auth/kep/nonce → { nonce, challenge, expiresAt }: the bytes (base64) the browser
// signs to sign in with a КЕП. No body; each answer is a new one-time nonce.

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const ctx = createCtx({ actor: null });
  const decision = await kepChallengeLimiter.hit(clientAddress(request.headers), ctx.now.getTime());
  if (!decision.allowed) {
    throw kepLoginError(
      "RATE_LIMITED",
      `Забагато запитів на вхід з вашої адреси. Спробуйте через ${decision.retryAfterSeconds} с`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
  return Response.json(await issueLoginChallenge(ctx), { headers: { "cache-control": "no-store" } });
});
