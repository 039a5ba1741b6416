import type { CertificateIdentity } from "@/lib/kep/browser";
import { formatDate } from "@/lib/format";

/** Whose key this is, as its certificate says — shown before anything is signed. */
export function KeyIdentity({ identity }: { identity: CertificateIdentity }) {
  const rows: [string, string | undefined][] = [
    ["Власник ключа", identity.fullName],
    ["РНОКПП", identity.rnokpp],
    ["Організація", identity.organization],
    ["ЄДРПОУ", identity.edrpou],
    ["Посада", identity.title],
    ["Сертифікат чинний", `з ${formatDate(identity.notBefore)} до ${formatDate(identity.notAfter)}`],
    ["Надавач", identity.issuerName],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]" data-testid="kep-identity">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
