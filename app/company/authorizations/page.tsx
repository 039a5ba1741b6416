import { GrantAuthorizationForm } from "@/components/company/grant-authorization-form";
import { WithdrawAuthorizationButton } from "@/components/company/withdraw-authorization-button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireCompany } from "@/lib/auth/gate";
import { listAuthorizations } from "@/lib/authorizations";
import { formatDateTime } from "@/lib/format";
import { orNotFound } from "../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Довірені особи" };

function DocLink({ id, label }: { id: string | null; label: string }) {
  return id ? (
    <a className="link text-sm" href={`/api/documents/${id}/signature`} download>
      {label}
    </a>
  ) : null;
}

export default async function Page() {
  const actor = await requireCompany("/company/authorizations", "authorizations.manage");
  const all = await orNotFound(listAuthorizations(createCtx({ actor })));
  const current = all.filter((a) => !a.revokedAt);
  const past = all.filter((a) => a.revokedAt);
  const headRnokpp = actor.rnokpp ?? "";
  const edrpou = actor.edrpou ?? "";

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <PageHeader
        title="Довірені особи"
        subtitle="Людина, яку ви уповноважите, зможе переглядати працівників і готувати заяви. Підписуєте заяви лише ви."
      />
      <Card>
        <CardTitle>Уповноважити особу</CardTitle>
        <GrantAuthorizationForm headRnokpp={headRnokpp} edrpou={edrpou} />
      </Card>
      <Card>
        <CardTitle>Чинні уповноваження</CardTitle>
        {current.length === 0 ? (
          <EmptyState title="Довірених осіб немає" />
        ) : (
          <ul className="divide-y divide-line" data-testid="authorizations-current">
            {current.map((a) => (
              <li key={a.id} className="py-3">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-medium">{a.fullName}</p>
                    <p className="tabular text-sm text-muted">
                      РНОКПП {a.rnokpp}
                      {a.position ? ` · ${a.position}` : ""} · з {formatDateTime(a.grantedAt)}
                    </p>
                    <DocLink id={a.grantDocumentId} label="Підписане уповноваження (.p7s)" />
                  </div>
                  <WithdrawAuthorizationButton
                    membershipId={a.id}
                    fullName={a.fullName}
                    headRnokpp={headRnokpp}
                    edrpou={edrpou}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {past.length > 0 ? (
        <Card>
          <CardTitle>Відкликані</CardTitle>
          <ul className="divide-y divide-line">
            {past.map((a) => (
              <li key={a.id} className="py-3">
                <p className="font-medium">{a.fullName}</p>
                <p className="tabular text-sm text-muted">
                  РНОКПП {a.rnokpp} · з {formatDateTime(a.grantedAt)} до {formatDateTime(a.revokedAt!)}
                </p>
                <div className="flex flex-wrap gap-4">
                  <DocLink id={a.grantDocumentId} label="Уповноваження (.p7s)" />
                  <DocLink id={a.withdrawalDocumentId} label="Відкликання (.p7s)" />
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
