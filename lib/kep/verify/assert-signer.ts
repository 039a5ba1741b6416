import { kepError } from "../errors";
import type { SignerIdentity } from "./verify-detached-signature";

// Step 7: the verified signer is the person the document needs. Pure: the caller looks up
// who heads the enterprise (registry) or who serves in the authority (memberships).

type Signer = Pick<SignerIdentity, "rnokpp" | "edrpou">;

/**
 * A company document must be signed by the head recorded in the registry, with a key issued
 * for that company: a head's key for another ЄДРПОУ (or a personal key) does not do.
 */
export function assertSignerIsEnterpriseHead(
  signer: Signer,
  enterprise: { edrpou: string; headRnokpp: string | null },
): void {
  if (!enterprise.headRnokpp || signer.rnokpp !== enterprise.headRnokpp) {
    throw kepError("SIGNER_NOT_HEAD", undefined, { edrpou: enterprise.edrpou });
  }
  if (signer.edrpou !== enterprise.edrpou) {
    const detail = signer.edrpou
      ? `Сертифікат видано для ЄДРПОУ ${signer.edrpou}, а документ стосується ${enterprise.edrpou}`
      : "Сертифікат видано фізичній особі без коду ЄДРПОУ підприємства";
    throw kepError("EDRPOU_MISMATCH", detail, { expected: enterprise.edrpou, actual: signer.edrpou ?? null });
  }
}

/**
 * A ministry decision must be signed by an official of that authority: one whose РНОКПП holds
 * an active official membership there, with a key issued for the authority's ЄДРПОУ.
 */
export function assertSignerIsOfficial(
  signer: Signer,
  authority: { edrpou: string; officialRnokpps: readonly string[] },
): void {
  if (!authority.officialRnokpps.includes(signer.rnokpp)) {
    throw kepError("SIGNER_NOT_OFFICIAL", undefined, { authorityEdrpou: authority.edrpou });
  }
  if (signer.edrpou !== authority.edrpou) {
    throw kepError("EDRPOU_MISMATCH", "Сертифікат видано не для цього органу (ЄДРПОУ не збігається)", {
      expected: authority.edrpou,
      actual: signer.edrpou ?? null,
    });
  }
}
