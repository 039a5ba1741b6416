import "server-only";
import type { Ctx } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { kepLoginError } from "./kep-login-errors";
import { kepLoginThrottle, type FailureThrottle } from "./login-throttle";
import { recordRefusedKepLogin } from "./record-refused-kep-login";
import { verifyKepLogin, type KepLoginInput, type VerifiedKepLogin } from "./verify-kep-login";

// What the next-auth "kep" provider runs: the client's failure throttle around verifyKepLogin,
// and an audit row for every refusal it lets through to verification.

export type SignInWithKepInput = KepLoginInput & {
  /** The client's address (lib/evod clientAddress): the throttle's key. */
  clientAddress: string;
};

export async function signInWithKep(
  ctx: Ctx<"db" | "now">,
  input: SignInWithKepInput,
  options: { throttle?: FailureThrottle } = {},
): Promise<VerifiedKepLogin> {
  const { now } = ctx;
  const throttle = options.throttle ?? kepLoginThrottle;

  const wait = await throttle.retryAfterSeconds(input.clientAddress, now.getTime());
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw kepLoginError("RATE_LIMITED", `Забагато невдалих спроб входу з вашої адреси. Спробуйте через ${minutes} хв`, {
      retryAfterSeconds: wait,
    });
  }

  try {
    const login = await verifyKepLogin(ctx, input);
    await throttle.clear(input.clientAddress);
    return login;
  } catch (error) {
    // An outage is not the client's failure: it neither counts nor gets an audit row.
    if (!isAppError(error) || error.code === "CONFLICT") throw error;
    await throttle.recordFailure(input.clientAddress, now.getTime());
    await recordRefusedKepLogin(ctx, { error, signature: input.signature, clientAddress: input.clientAddress }).catch(
      (auditError: unknown) => {
        console.error("[kep-login] audit of a refused login failed", auditError);
      },
    );
    throw error;
  }
}
