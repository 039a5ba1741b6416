import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { parseTrustBundle, type TrustListCertificate, type TrustListProvider } from "./parse-trust-bundle";
import { uploadBytes, type TrustListUpload } from "./schemas";

// What an upload would import, shown before the administrator confirms: each provider with its
// CA certificates, their validity and CRL/OCSP addresses. Reads the file only; writes nothing.

/** A certificate as the preview shows it: everything but its bytes and provider name. */
export type TrustListCertificateView = Omit<TrustListCertificate, "der" | "provider">;

export type TrustListPreview = {
  format: "cms" | "pem";
  certificateCount: number;
  providers: Array<{ name: string; certificates: TrustListCertificateView[] }>;
};

export function viewOf(providers: TrustListProvider[]): TrustListPreview["providers"] {
  return providers.map((provider) => ({
    name: provider.name,
    certificates: provider.certificates.map(({ der: _der, provider: _provider, ...certificate }) => certificate),
  }));
}

export async function previewTrustList(ctx: Ctx<"actor">, input: TrustListUpload): Promise<TrustListPreview> {
  assertCan(ctx.actor, "trustList.manage");
  const bundle = await parseTrustBundle(uploadBytes(input));
  return { format: bundle.format, certificateCount: bundle.certificates.length, providers: viewOf(bundle.providers) };
}
