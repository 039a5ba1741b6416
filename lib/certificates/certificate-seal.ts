import "server-only";
import type { Ctx } from "@/lib/context";
import { loadStoredSeal, type StoredSeal } from "@/lib/kep/provider/load-stored-seal";

// The issuer's qualified electronic seal on certificates: a seal certificate of a legal entity
// (organizationIdentifier NTRUA-<ЄДРПОУ>) that the test КНЕДП issues to the Ministry of Defence,
// the holder of the Оберіг registry. Stored and issued on first use like the portal's audit seal
// (lib/kep/provider/load-stored-seal.ts).

export const CERTIFICATE_SEAL_ID = "certificates-seal";
export const CERTIFICATE_SEAL_SUBJECT = {
  // The seal's responsible person; the РНОКПП field of the profile is required.
  rnokpp: "3357700152",
  edrpou: "00034022",
  fullName: "Печатка реєстру Оберіг",
  organization: "Міністерство оборони України",
  title: "Кваліфікована електронна печатка реєстру «Оберіг»",
} as const;

export type CertificateSeal = StoredSeal;

/** The seal, issued on first use. Call it with a client (not inside a transaction) the first time. */
export function loadCertificateSeal(ctx: Ctx<"db" | "now">): Promise<CertificateSeal> {
  return loadStoredSeal(ctx, { id: CERTIFICATE_SEAL_ID, subject: CERTIFICATE_SEAL_SUBJECT });
}
