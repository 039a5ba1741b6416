import Link from "next/link";
import { ApplicationsTable } from "@/components/company/applications-table";
import { PendingDrafts } from "@/components/company/pending-drafts";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireCompany } from "@/lib/auth/gate";
import { listCompanyApplications } from "@/lib/company/list-company-applications";
import { listPendingDrafts } from "@/lib/reservations/list-pending-drafts";
import { orNotFound } from "../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Заяви" };

const KINDS = [
  { value: undefined, label: "Усі" },
  { value: "RESERVATION", label: "Бронювання" },
  { value: "ANNULMENT", label: "Анулювання" },
] as const;

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireCompany("/company/applications");
  const query = await searchParams;
  // Submitted applications from a replica when there is one; the drafts waiting for a signature
  // from the primary: discarding a draft lands here, and it must be gone (ARCHITECTURE.md).
  const [{ list, isHead, kind }, drafts] = await orNotFound(
    Promise.all([
      listCompanyApplications(createCtx({ actor, readOnly: true }), { kind: query.kind, page: query.page }),
      listPendingDrafts(createCtx({ actor })),
    ]),
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title="Заяви"
        subtitle="Бронювання та анулювання, подані підприємством, з результатом щодо кожного працівника"
        actions={<ButtonLink href="/company/applications/new">Нова заява</ButtonLink>}
      />
      {drafts.length > 0 ? (
        <Card>
          <CardTitle>{isHead ? "Заяви, що очікують вашого підпису" : "Заяви, що очікують підпису керівника"}</CardTitle>
          <PendingDrafts drafts={drafts} isHead={isHead} />
        </Card>
      ) : null}
      <Card>
        <nav aria-label="Вид заяви" className="mb-3 flex flex-wrap gap-2">
          {KINDS.map((k) => (
            <Link
              key={k.label}
              href={k.value ? `/company/applications?kind=${k.value}` : "/company/applications"}
              aria-current={kind === k.value ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1.5 text-sm ring-1 ring-inset",
                kind === k.value ? "bg-ink text-white ring-ink" : "ring-line hover:bg-black/5",
              )}
            >
              {k.label}
            </Link>
          ))}
        </nav>
        <ApplicationsTable items={list.items} />
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          basePath="/company/applications"
          params={{ kind }}
        />
      </Card>
    </div>
  );
}
