import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { AppError } from "@/lib/errors";
import { readCertificateIdentityFromDer } from "@/lib/kep/certificate-identity";
import { parseDetachedSignature } from "@/lib/kep/verify/parse-signature";

// A refused КЕП login leaves one audit row and nothing else: which refusal, from which client
// address, and whose certificate the signature carried — as claimed, since a refused signature
// proves nothing, hence in the details and never as the actor.

export const REFUSED_KEP_LOGIN_ACTION = "auth.login.refused";

function claimedCertificate(signature: unknown): { serial: string; rnokpp: string; edrpou: string | null } | null {
  if (typeof signature !== "string" || signature.length === 0 || signature.length > 100_000) return null;
  try {
    const parsed = parseDetachedSignature(Uint8Array.from(Buffer.from(signature, "base64")));
    const identity = readCertificateIdentityFromDer(parsed.certificateDer);
    return { serial: identity.serial, rnokpp: identity.rnokpp, edrpou: identity.edrpou ?? null };
  } catch {
    return null;
  }
}

export async function recordRefusedKepLogin(
  ctx: Ctx<"db">,
  refusal: { error: AppError; signature: unknown; clientAddress: string },
): Promise<void> {
  const claimed = claimedCertificate(refusal.signature);
  await writeAudit(ctx.db, {
    actor: { rnokpp: null, role: null },
    action: REFUSED_KEP_LOGIN_ACTION,
    entityType: "Certificate",
    entityId: claimed?.serial ?? "unknown",
    details: {
      via: "kep",
      code: refusal.error.code,
      client: refusal.clientAddress,
      claimedRnokpp: claimed?.rnokpp ?? null,
      claimedEdrpou: claimed?.edrpou ?? null,
    },
  });
}
