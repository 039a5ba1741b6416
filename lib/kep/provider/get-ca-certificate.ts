import "server-only";
import type { Ctx } from "@/lib/context";
import { kepError } from "../errors";
import { derFromPem } from "../verify/trust-anchors";
import { CA_IDS } from "./family-cas";

// The provider's CA certificates for download (AIA caIssuers, and for anyone who wants to
// check a signature with their own tools): the RSA pair as "root"/"issuing", the others as
// "root-ecdsa", "issuing-dstu" and so on.

export const CA_CERTIFICATE_KINDS = Object.values(CA_IDS).flatMap((ids) => [ids.root, ids.issuing]);
export type CaCertificateKind = string;

export async function getCaCertificate(ctx: Ctx<"db">, kind: CaCertificateKind): Promise<Uint8Array<ArrayBuffer>> {
  if (!CA_CERTIFICATE_KINDS.includes(kind)) throw kepError("PROVIDER_NOT_INITIALIZED");
  const client = ctx.db;
  const row = await client.caKey.findUnique({ where: { id: kind }, select: { certPem: true } });
  if (!row) throw kepError("PROVIDER_NOT_INITIALIZED");
  return derFromPem(row.certPem);
}
