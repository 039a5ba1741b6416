import { RegisterFilters } from "@/components/tck/register-filters";
import { RegisterTable, type RegisterTableRow } from "@/components/tck/register-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireTck } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { formatDate } from "@/lib/format";
import type { TccRegisterRow } from "@/lib/registry";
import { REGISTRATION_STATUS_LABELS } from "@/lib/rules";
import { listRegister } from "@/lib/tck/list-register";
import { tckPersonHref } from "@/lib/tck/person-ref";
import { readRegisterQuery } from "@/lib/tck/read-register-query";

export const metadata = { title: "Реєстр військовозобов'язаних" };

function marksOf(row: TccRegisterRow, today: string): string[] {
  const marks: string[] = [];
  if (row.reservation) marks.push(`Заброньовано до ${formatDate(row.reservation.untilDate)}`);
  if (row.deferment && (!row.defermentUntil || row.defermentUntil >= today))
    marks.push(`Відстрочка${row.defermentUntil ? ` до ${formatDate(row.defermentUntil)}` : ""}`);
  if (row.mobilisedOn) marks.push("Служить");
  if (row.wanted) marks.push("У розшуку");
  if (!row.dataUpdatedOn) marks.push("Дані не уточнено");
  return marks;
}

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireTck("/tck");
  const query = readRegisterQuery(await searchParams);
  const ctx = createCtx({ actor });
  // The filter as typed (strings): the domain parses it with the same schema, once.
  const page = await listRegister(ctx, { filter: query.raw, after: query.after, limit: 50 });
  const today = ctx.now.toISOString().slice(0, 10);
  const rows: RegisterTableRow[] = page.rows.map((row) => ({
    rnokpp: row.rnokpp,
    fullName: row.fullName,
    href: tckPersonHref(row.rnokpp),
    birthDate: formatDate(row.birthDate),
    status: REGISTRATION_STATUS_LABELS[row.status],
    category: row.category,
    marks: marksOf(row, today),
  }));
  const next = new URLSearchParams(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && k !== "after" ? [[k, v]] : [])),
  );
  if (page.nextAfter) next.set("after", page.nextAfter);

  return (
    <div className="space-y-5">
      <PageHeader
        title="Реєстр військовозобов'язаних"
        subtitle={`${page.tcc.name} · ${page.tcc.address}`}
        actions={
          <ButtonLink href="/tck/notices" variant="secondary">
            Повістки
          </ButtonLink>
        }
      />
      <Card>
        <RegisterFilters raw={query.raw} />
      </Card>
      <Card className="space-y-4">
        {rows.length === 0 ? (
          <EmptyState title="Нікого не знайдено">Змініть фільтри.</EmptyState>
        ) : (
          <RegisterTable rows={rows} filter={query.filter} defaultPlace={page.tcc.address} />
        )}
        <div className="flex gap-2">
          {query.after ? (
            <ButtonLink
              href={`/tck?${new URLSearchParams([...next].filter(([k]) => k !== "after"))}`}
              variant="secondary"
            >
              На початок
            </ButtonLink>
          ) : null}
          {page.nextAfter ? (
            <ButtonLink href={`/tck?${next}`} variant="secondary">
              Далі
            </ButtonLink>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
