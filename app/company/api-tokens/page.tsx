import { IssueTokenForm } from "@/components/company/issue-token-form";
import { RevokeTokenButton } from "@/components/company/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireCompany } from "@/lib/auth/gate";
import { listApiTokens } from "@/lib/api-tokens";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { orNotFound } from "../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "API для кадрової системи" };

export default async function Page() {
  const actor = await requireCompany("/company/api-tokens", "apiTokens.manage");
  const edrpou = actor.edrpou ?? "";
  const tokens = await orNotFound(listApiTokens(createCtx({ actor }), { edrpou }));

  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <PageHeader
        title="API для кадрової системи"
        subtitle="Токен дає вашій кадровій системі (1С, BAS, власній) читати працівників і готувати заяви від вашого імені. Подати заяву все одно можна лише з вашим підписом КЕП."
        actions={
          <a href="/api/v1/docs" className="link text-[15px]">
            Документація API →
          </a>
        }
      />
      <Card>
        <CardTitle>Новий токен</CardTitle>
        <IssueTokenForm portalUrl={env().PORTAL_URL} edrpou={edrpou} />
      </Card>
      <Card>
        <CardTitle>Токени підприємства</CardTitle>
        {tokens.length === 0 ? (
          <EmptyState title="Токенів ще немає" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Назва</Th>
                <Th>Початок токена</Th>
                <Th>Випущено</Th>
                <Th>Останнє використання</Th>
                <Th>Стан</Th>
                <Th>
                  <span className="sr-only">Дії</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} data-testid="token-row">
                  <Td className="font-medium">{t.name}</Td>
                  <Td>
                    <code className="text-xs">{t.prefix}…</code>
                  </Td>
                  <Td className="tabular whitespace-nowrap">
                    {formatDateTime(t.createdAt)}
                    <p className="text-xs text-muted">{t.createdBy}</p>
                  </Td>
                  <Td className="tabular whitespace-nowrap">
                    {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "ще не використовувався"}
                  </Td>
                  <Td>
                    {t.revokedAt ? (
                      <Badge tone="neutral">Відкликано {formatDateTime(t.revokedAt)}</Badge>
                    ) : (
                      <Badge tone="success">Чинний</Badge>
                    )}
                  </Td>
                  <Td className="text-right">
                    {t.revokedAt ? null : <RevokeTokenButton tokenId={t.id} name={t.name} />}
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
