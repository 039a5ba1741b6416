import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { checkAuditIntegrity } from "@/lib/audit/check-audit-integrity";
import { requireOfficial } from "@/lib/auth/gate";
import { AUDIT_ACTION_LABELS, listAuditLog } from "@/lib/enterprises/list-audit-log";
import { formatDateTime, formatNumber, shortEnterpriseName } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import { firstValues } from "../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Журнал дій" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireOfficial("/ministry/audit");
  const params = firstValues(await searchParams);
  const [log, integrity] = await Promise.all([
    listAuditLog(createCtx({ actor }), { query: params }),
    checkAuditIntegrity(createCtx({ actor })),
  ]);
  const { page: _page, ...filters } = params;

  return (
    <div className="space-y-5">
      <PageHeader title="Журнал дій органу" subtitle="Хто що вирішив і коли — з підписаним документом кожної дії" />
      {integrity.ok ? (
        <p
          role="status"
          data-testid="audit-integrity"
          data-ok="true"
          className="rounded-2xl bg-green-50 px-4 py-3 text-sm text-green-900"
        >
          <strong>Журнал цілісний</strong> — ланцюжок геш-сум перевірено: записів {formatNumber(integrity.rows)},
          підписаних щоденних печаток {formatNumber(integrity.anchors)}.
        </p>
      ) : (
        <p
          role="alert"
          data-testid="audit-integrity"
          data-ok="false"
          className="rounded-2xl bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          <strong>Журнал порушено.</strong> {integrity.break.message}.
        </p>
      )}
      <Card>
        <form method="get" action="/ministry/audit" className="grid gap-4 sm:grid-cols-4" aria-label="Фільтри журналу">
          <Field label="Дія" htmlFor="a-action">
            <Select id="a-action" name="action" defaultValue={log.query.action ?? ""}>
              <option value="">Усі</option>
              {log.actions.map((a) => (
                <option key={a} value={a}>
                  {AUDIT_ACTION_LABELS[a] ?? a}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="З дати" htmlFor="a-from">
            <DateInput id="a-from" name="from" defaultValue={log.query.from ?? ""} />
          </Field>
          <Field label="По дату" htmlFor="a-to">
            <DateInput id="a-to" name="to" defaultValue={log.query.to ?? ""} />
          </Field>
          <div className="flex items-end gap-2">
            <Button type="submit">Показати</Button>
            <Link href="/ministry/audit" className="inline-flex h-11 items-center rounded-full px-4 hover:bg-black/5">
              Скинути
            </Link>
          </div>
        </form>
      </Card>
      <Card>
        {log.rows.length === 0 ? (
          <EmptyState title="Записів немає" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Коли</Th>
                <Th>Хто</Th>
                <Th>Дія</Th>
                <Th>Підприємство</Th>
                <Th>Документ</Th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                  <Td className="tabular whitespace-nowrap">{formatDateTime(row.at)}</Td>
                  <Td>
                    {row.actorName ?? (row.actorRole === "SYSTEM" ? "Система" : "—")}
                    {row.actorRnokpp ? (
                      <p className="tabular text-xs text-muted">РНОКПП {maskRnokpp(row.actorRnokpp)}</p>
                    ) : null}
                  </Td>
                  <Td>
                    {AUDIT_ACTION_LABELS[row.action] ?? row.action}
                    {row.entityType === "CriticalDecision" ? (
                      <p className="text-xs">
                        <Link className="link" href={`/ministry/decisions/${row.entityId}`}>
                          Рішення
                        </Link>
                      </p>
                    ) : null}
                  </Td>
                  <Td>
                    {row.enterpriseName ? (
                      <>
                        {shortEnterpriseName(row.enterpriseName)}
                        <p className="tabular text-xs text-muted">ЄДРПОУ {row.edrpou}</p>
                      </>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-sm">
                    {row.signedDocumentId ? (
                      <>
                        <a className="link" href={`/api/documents/${row.signedDocumentId}/content`}>
                          Документ
                        </a>{" "}
                        ·{" "}
                        <a className="link" href={`/api/documents/${row.signedDocumentId}/signature`}>
                          .p7s
                        </a>{" "}
                        ·{" "}
                        <a className="link" href={`/api/documents/${row.signedDocumentId}/report`}>
                          Протокол
                        </a>
                      </>
                    ) : (
                      "—"
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="mt-3 text-sm text-muted">Усього записів: {formatNumber(log.total)}</p>
        <Pagination
          page={log.page}
          pageSize={log.pageSize}
          total={log.total}
          basePath="/ministry/audit"
          params={filters}
        />
      </Card>
    </div>
  );
}
