import Link from "next/link";
import { DecisionFilters } from "@/components/ministry/decision-filters";
import { DecisionStateBadge } from "@/components/ministry/decision-state-badge";
import { UsageMeter } from "@/components/ministry/usage-meter";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireOfficial } from "@/lib/auth/gate";
import { LIMIT_CATEGORY_SHORT } from "@/lib/enterprises/labels";
import { listDecisions } from "@/lib/enterprises/list-decisions";
import { formatDate, formatNumber, pluralUk, shortEnterpriseName } from "@/lib/format";
import { firstValues } from "./_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Підприємства" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireOfficial("/ministry");
  const params = firstValues(await searchParams);
  const list = await listDecisions(createCtx({ actor, readOnly: true }), { query: params });
  const { page: _page, ...filters } = params;
  const exportQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => !!e[1]),
  ).toString();

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow="Єдиний перелік критично важливих підприємств"
        title="Підприємства вашого органу"
        subtitle={`${formatNumber(list.total)} ${pluralUk(list.total, ["рішення", "рішення", "рішень"])} за обраними умовами`}
        actions={
          <>
            <ButtonLink href="/ministry/decisions/new">Нове рішення</ButtonLink>
            <ButtonLink href="/ministry/import" variant="secondary">
              Імпорт CSV
            </ButtonLink>
            <a
              className="inline-flex h-11 items-center rounded-full px-4 text-[15px] font-medium hover:bg-black/5"
              href={`/ministry/export${exportQuery ? `?${exportQuery}` : ""}`}
              download
            >
              Експорт у CSV
            </a>
          </>
        }
      />
      <Card>
        <DecisionFilters query={list.query} regions={list.regions} />
      </Card>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState title="Нічого не знайдено">Змініть умови пошуку або ухваліть нове рішення.</EmptyState>
        ) : (
          <Table>
            <caption className="sr-only">Рішення про критичність підприємств</caption>
            <thead>
              <tr>
                <Th>Підприємство</Th>
                <Th>Рішення</Th>
                <Th>Стан</Th>
                <Th>Категорія ліміту</Th>
                <Th>Використання ліміту</Th>
                <Th className="text-right">Заброньовано</Th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} data-testid="decision-row" data-edrpou={row.edrpou}>
                  <Td className="max-w-72">
                    <Link href={`/ministry/decisions/${row.id}`} className="link font-medium">
                      {shortEnterpriseName(row.enterpriseName)}
                    </Link>
                    <p className="tabular text-xs text-muted">
                      ЄДРПОУ {row.edrpou} · {row.region}
                    </p>
                  </Td>
                  <Td className="whitespace-nowrap">
                    № {row.number}
                    <p className="text-xs text-muted">від {formatDate(row.decidedOn)}</p>
                  </Td>
                  <Td>
                    <DecisionStateBadge
                      state={row.state}
                      effectiveUntil={row.effectiveUntil}
                      validFrom={row.validFrom}
                    />
                  </Td>
                  <Td>
                    {LIMIT_CATEGORY_SHORT[row.limitCategory]}
                    <p className="text-xs text-muted">{row.limitPercent} %</p>
                  </Td>
                  <Td>
                    {row.state === "ACTIVE" ? (
                      <UsageMeter reserved={row.reserved} limit={row.limitCount} />
                    ) : (
                      <span className="text-muted">ліміт {formatNumber(row.limitCount)}</span>
                    )}
                  </Td>
                  <Td className="tabular text-right">{row.state === "ACTIVE" ? formatNumber(row.reserved) : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          basePath="/ministry"
          params={filters}
        />
      </Card>
    </div>
  );
}
