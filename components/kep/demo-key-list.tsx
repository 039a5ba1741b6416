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
};

export function DemoKeyList({ keys }: { keys: DemoKeyItem[] }) {
  return (
    <ul className="divide-y divide-line" aria-label="Демонстраційні ключі КЕП">
      {keys.map((key) => (
        <li key={key.id} className="flex items-center gap-3 py-3" data-testid={`demo-key-${key.id}`}>
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium">
              {key.roleLabel} {key.revoked ? <Badge tone="fail">скасований</Badge> : null}
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
          <a
            href={`/api/demo-keys/${key.id}`}
            download={`bronya-demo-${key.id}.p12`}
            className={buttonClass("secondary", "sm", "shrink-0")}
            aria-label={`Завантажити ключ КЕП: ${key.roleLabel}, ${key.fullName}${key.revoked ? " (скасований)" : ""}`}
          >
            Завантажити .p12
          </a>
        </li>
      ))}
    </ul>
  );
}
