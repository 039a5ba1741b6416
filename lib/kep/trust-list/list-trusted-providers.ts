import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import type { TrustListCertificateView } from "./preview-trust-list";

// The imported trust list as the administrator sees it: the last import, and each provider
// with its CA certificates, their validity and CRL/OCSP addresses.

export type TrustedProviders = {
  lastImport: {
    fileName: string;
    sha256: string;
    certificateCount: number;
    importedBy: string | null;
    createdAt: Date;
  } | null;
  providers: Array<{ name: string; certificates: TrustListCertificateView[] }>;
};

export async function listTrustedProviders(ctx: Ctx<"actor" | "db">): Promise<TrustedProviders> {
  assertCan(ctx.actor, "trustList.manage");
  const [lastImport, rows] = await Promise.all([
    ctx.db.trustListImport.findFirst({
      orderBy: { createdAt: "desc" },
      select: { fileName: true, sha256: true, certificateCount: true, importedBy: true, createdAt: true },
    }),
    ctx.db.trustedCaCertificate.findMany({
      select: {
        provider: true,
        sha256: true,
        subject: true,
        issuer: true,
        serial: true,
        isRoot: true,
        notBefore: true,
        notAfter: true,
        crlUrls: true,
        ocspUrls: true,
      },
      orderBy: [{ provider: "asc" }, { isRoot: "desc" }, { notBefore: "asc" }],
    }),
  ]);
  const byProvider = new Map<string, TrustListCertificateView[]>();
  for (const { provider, ...certificate } of rows)
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), certificate]);
  return { lastImport, providers: [...byProvider.entries()].map(([name, certificates]) => ({ name, certificates })) };
}
