import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { authenticator } from "otplib";

// The portal accepts a TOTP code once (lib/auth/verify-password-login.ts), so a test that signs
// the same official in twice within one 30-second step must wait for the next code, as a person
// would. The steps already spent are kept beside the e2e server's data (fresh every run), so
// they survive Playwright restarting its worker.

const STEP_MS = 30_000;
const ledger = path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", "totp-steps.json");

function readLedger(): Record<string, number> {
  try {
    return existsSync(ledger) ? (JSON.parse(readFileSync(ledger, "utf8")) as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** A code of a step this secret has not spent yet, waiting for the next step if need be. */
export async function unusedTotp(secret: string): Promise<string> {
  const spent = readLedger();
  let now = Date.now();
  const last = spent[secret];
  if (last !== undefined && Math.floor(now / STEP_MS) <= last) {
    const nextStepAt = (last + 1) * STEP_MS + 50;
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - now));
    now = Date.now();
  }
  spent[secret] = Math.floor(now / STEP_MS);
  writeFileSync(ledger, JSON.stringify(spent));
  return authenticator.clone({ epoch: now }).generate(secret);
}
