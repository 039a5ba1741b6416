import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";

// Demo mode: each demo user's КЕП key file to download, with its password, for signing in with
// «Ключ КЕП» and for signing applications and decisions. Rendered on the server from the
// manifest the launcher wrote (lib/auth/kep-login/demo-key-manifest.ts).

export type DemoKeyItem = {
  id: string;
  roleLabel: string;
  fullName: string;
  organization?: string;
  password: string;
  revoked: boolean;
  note?: string;
  algorithm: "RSA" | "ECDSA-P256" | "DSTU4145";
  container: "pkcs12" | "key6" | "jks";
};

const ALGORITHM_LABEL = { RSA: "RSA", "ECDSA-P256": "ECDSA P-256", DSTU4145: "ДСТУ 4145" } as const;
const CONTAINER_LABEL = { pkcs12: ".p12", key6: "Key-6.dat", jks: ".jks" } as const;
const EXTENSION = { pkcs12: "p12", key6: "dat", jks: "jks" } as const;

export function DemoKeyList({ keys }: { keys: DemoKeyItem[] }) {
  return (
    <ul className="divide-y divide-line" aria-label="Демонстраційні ключі КЕП">
      {keys.map((key) => (
        <li key={key.id} className="flex items-center gap-3 py-3" data-testid={`demo-key-${key.id}`}>
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium">
              {key.roleLabel} <Badge tone="neutral">{ALGORITHM_LABEL[key.algorithm]}</Badge>{" "}
              {key.revoked ? <Badge tone="fail">скасований</Badge> : null}
            </p>
            <p className="text-muted">
              {key.fullName}
              {key.organization ? ` · ${key.organization}` : ""}
            </p>
            <p className="tabular text-xs text-muted">
              пароль до ключа <code data-testid={`demo-key-password-${key.id}`}>{key.password}</code>
            </p>
            {key.note ? <p className="text-xs text-muted">{key.note}</p> : null}
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1">
            <a
              href={`/api/demo-keys/${key.id}`}
              download={`bronya-demo-${key.id}.${EXTENSION[key.container]}`}
              className={buttonClass("secondary", "sm", "shrink-0")}
              aria-label={`Завантажити ${CONTAINER_LABEL[key.container]} — ключ КЕП ${ALGORITHM_LABEL[key.algorithm]}: ${key.roleLabel}, ${key.fullName}${key.revoked ? " (скасований)" : ""}`}
            >
              Завантажити {CONTAINER_LABEL[key.container]}
            </a>
            {key.container === "key6" ? (
              <a
                href={`/api/demo-keys/${key.id}?part=certificate`}
                download={`bronya-demo-${key.id}.cer`}
                className="text-xs underline"
                aria-label={`сертифікат .cer до ключа ДСТУ 4145: ${key.fullName}`}
              >
                сертифікат .cer
              </a>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
