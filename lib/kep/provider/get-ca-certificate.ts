import "server-only";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { kepError } from "../errors";
import { derFromPem } from "../verify/trust-anchors";
import { ISSUING_ID, ROOT_ID } from "./provider-store";

// The provider's CA certificates for download (AIA caIssuers, and for anyone who wants to
// check a signature with their own tools).

export type CaCertificateKind = "root" | "issuing";

export async function getCaCertificate(kind: CaCertificateKind, options: { db?: DbTx } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const client = options.db ?? defaultDb;
  const row = await client.caKey.findUnique({ where: { id: kind === "root" ? ROOT_ID : ISSUING_ID }, select: { certPem: true } });
  if (!row) throw kepError("PROVIDER_NOT_INITIALIZED");
  return derFromPem(row.certPem);
}
