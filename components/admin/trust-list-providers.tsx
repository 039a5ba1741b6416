import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";

// The providers of a trust list (imported, or previewed before import): each with its CA
// certificates, their validity and where their status is published.

export type TrustListProviderView = {
  name: string;
  certificates: Array<{
    sha256: string;
    subject: string;
    serial: string;
    isRoot: boolean;
    notBefore: Date;
    notAfter: Date;
    crlUrls: string[];
    ocspUrls: string[];
  }>;
};

export function TrustListProviders({ providers, now }: { providers: TrustListProviderView[]; now: Date }) {
  return (
    <ul className="space-y-4" data-testid="trust-list-providers">
      {providers.map((provider) => (
        <li key={provider.name} className="rounded-2xl p-4 ring-1 ring-line" data-testid="trust-list-provider">
          <p className="font-medium">{provider.name}</p>
          <ul className="mt-2 space-y-3">
            {provider.certificates.map((certificate) => {
              const valid = certificate.notBefore <= now && now <= certificate.notAfter;
              return (
                <li key={certificate.sha256} className="text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={certificate.isRoot ? "info" : "neutral"}>
                      {certificate.isRoot ? "кореневий" : "ЦСК"}
                    </Badge>
                    <Badge tone={valid ? "success" : "fail"}>{valid ? "чинний" : "недійсний на сьогодні"}</Badge>
                    <span className="text-muted">
                      {formatDate(certificate.notBefore)} — {formatDate(certificate.notAfter)}
                    </span>
                  </div>
                  <p className="mt-1 break-all">{certificate.subject}</p>
                  <p className="text-xs text-muted break-all">Серійний номер {certificate.serial}</p>
                  <p className="text-xs text-muted break-all">
                    CRL: {certificate.crlUrls.length ? certificate.crlUrls.join(", ") : "не вказано"} · OCSP:{" "}
                    {certificate.ocspUrls.length ? certificate.ocspUrls.join(", ") : "не вказано"}
                  </p>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
