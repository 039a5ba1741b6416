import Link from "next/link";
import { notFound } from "next/navigation";
import { BookVisitForm } from "@/components/centres/book-visit-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { getCentreSchedule } from "@/lib/centres/get-centre-schedule";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Запис на візит" };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ day?: string | string[] }>;
}) {
  const { id } = await params;
  const actor = await requireConscript(`/me/centres/${id}`);
  const raw = (await searchParams).day;
  const schedule = await getCentreSchedule(createCtx({ actor, now: new Date() }), {
    centreId: id,
    day: Array.isArray(raw) ? raw[0] : raw,
  }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "CENTRE_NOT_FOUND" || error.code === "VALIDATION_FAILED"))
      notFound();
    throw error;
  });
  const { centre, days, day, slots } = schedule;

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={
          <Link className="link" href="/me/centres">
            Рекрутингові центри
          </Link>
        }
        title={centre.name}
        subtitle={`${centre.address} · тел. ${centre.phone}`}
      />
      {days.length === 0 || !day ? (
        <EmptyState title="Вільних днів немає">Центр не приймає в найближчі 30 днів. Оберіть інший центр.</EmptyState>
      ) : (
        <>
          <nav aria-label="День візиту" className="flex flex-wrap gap-2" data-testid="visit-days">
            {days.map((d) => (
              <Link
                key={d}
                href={`/me/centres/${centre.id}?day=${d}`}
                aria-current={d === day ? "date" : undefined}
                className={
                  d === day
                    ? "rounded-full bg-black px-3 py-1 text-sm text-white"
                    : "rounded-full bg-white px-3 py-1 text-sm"
                }
              >
                {formatDate(d)}
              </Link>
            ))}
          </nav>
          <Card>
            <BookVisitForm centreId={centre.id} day={day} slots={slots} />
          </Card>
        </>
      )}
    </div>
  );
}
