import { OfficialForm } from "@/components/admin/official-form";
import { IssueTestKeyButton } from "@/components/admin/issue-test-key-button";
import { WithdrawOfficialButton } from "@/components/admin/withdraw-official-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuthorities } from "@/lib/admin/list-authorities";
import { listOfficials } from "@/lib/admin/list-officials";
import { requireAdmin } from "@/lib/auth/gate";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Посадові особи" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function Page({ searchParams }: { searchParams: Promise<{ authority?: string }> }) {
  const actor = await requireAdmin("/admin/officials");
  const { authority } = await searchParams;
  const authorityId = authority && UUID.test(authority) ? authority : undefined;
  const [authorities, officials] = await Promise.all([
    listAuthorities(createCtx({ actor })),
    listOfficials(createCtx({ actor }), { authorityId }),
  ]);
  const current = authorities.find((a) => a.id === authorityId);
  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow="Адміністрування"
        title="Посадові особи"
        subtitle={current ? current.name : "Усі органи влади"}
      />
      <Card>
        <CardTitle>Додати посадову особу</CardTitle>
        <OfficialForm
          authorities={authorities.map((a) => ({ id: a.id, shortName: a.shortName }))}
          defaultAuthorityId={authorityId}
          demoMode={env().DEMO_MODE}
        />
      </Card>
      <Card>
        {officials.length === 0 ? (
          <EmptyState title="Посадових осіб ще немає" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Особа</Th>
                <Th>Орган і посада</Th>
                <Th>Стан</Th>
                <Th>Останній вхід</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {officials.map((o) => (
                <tr key={o.membershipId} data-testid="official-row">
                  <Td>
                    <p className="font-medium">{o.fullName}</p>
                    <p className="tabular text-xs text-muted">
                      {o.email ?? "—"}
                      {o.rnokpp ? ` · РНОКПП ${maskRnokpp(o.rnokpp)}` : ""}
                    </p>
                  </Td>
                  <Td>
                    {o.authority.shortName}
                    <p className="text-xs text-muted">{o.position ?? ""}</p>
                  </Td>
                  <Td>
                    {o.revokedAt ? (
                      <Badge tone="neutral">Припинено {formatDate(o.revokedAt)}</Badge>
                    ) : (
                      <Badge tone="success">Діє з {formatDate(o.grantedAt)}</Badge>
                    )}
                  </Td>
                  <Td className="text-sm">{o.lastLoginAt ? formatDateTime(o.lastLoginAt) : "ще не входив(ла)"}</Td>
                  <Td className="space-y-2">
                    {o.revokedAt ? null : <WithdrawOfficialButton membershipId={o.membershipId} name={o.fullName} />}
                    {o.revokedAt || !env().DEMO_MODE ? null : <IssueTestKeyButton membershipId={o.membershipId} />}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
