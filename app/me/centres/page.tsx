import Link from "next/link";
import { CancelVisitButton } from "@/components/centres/cancel-visit-button";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { listCentres } from "@/lib/centres/list-centres";
import { listMyCentreVisits } from "@/lib/centres/list-my-centre-visits";
import { VISIT_PURPOSES } from "@/lib/centres/schemas";
import { createCtx } from "@/lib/context-server";
import { formatCount, formatDate } from "@/lib/format";

export const metadata = { title: "Рекрутингові центри" };

const WEEKDAYS = ["", "пн", "вт", "ср", "чт", "пт", "сб", "нд"];

export default async function Page({ searchParams }: { searchParams: Promise<{ region?: string | string[] }> }) {
  const actor = await requireConscript("/me/centres");
  const raw = (await searchParams).region;
  const region = (Array.isArray(raw) ? raw[0] : raw) || undefined;
  const ctx = createCtx({ actor, now: new Date() });
  const [catalogue, visits] = await Promise.all([listCentres(ctx, { region }), listMyCentreVisits(ctx)]);
  const upcoming = visits.filter((visit) => visit.upcoming);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Рекрутингові центри"
        subtitle="Запишіться на візит, щоб поговорити з рекрутером про службу за контрактом або базову військову службу. Перелік центрів — демонстраційні дані"
        actions={
          <ButtonLink href="/me/basic-service" variant="secondary">
            Базова військова служба
          </ButtonLink>
        }
      />

      <Card>
        <CardTitle>Мої візити</CardTitle>
        {visits.length === 0 ? (
          <EmptyState title="Записів ще немає">Оберіть центр нижче й зручний час.</EmptyState>
        ) : (
          <ul className="divide-y divide-black/10" data-testid="my-visits">
            {visits.map((visit) => (
              <li
                key={visit.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="my-visit"
                data-status={visit.status}
                data-attendance={visit.attendance ?? ""}
              >
                <div>
                  <p className="font-medium">
                    {formatDate(visit.day)} о {visit.time} · {visit.centre.name}
                  </p>
                  <p className="text-sm text-muted">
                    {visit.centre.address} · {VISIT_PURPOSES[visit.purpose]} · тел. {visit.centre.phone}
                  </p>
                </div>
                {visit.upcoming ? (
                  <CancelVisitButton visitId={visit.id} />
                ) : visit.attendance === "CAME" ? (
                  <Badge tone="success">Відвідування відбулося</Badge>
                ) : visit.attendance === "NO_SHOW" ? (
                  <Badge tone="warning">Ви не прийшли</Badge>
                ) : (
                  <Badge tone="neutral">{visit.status === "CANCELLED" ? "Скасовано" : "Минув"}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
        {upcoming.length > 0 ? (
          <p className="mt-2 text-sm text-muted">
            Підтвердження запису надійшло в сповіщення та на пошту; напередодні візиту надійде нагадування.
          </p>
        ) : null}
      </Card>

      <form
        method="get"
        action="/me/centres"
        className="card flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Пошук центру"
      >
        <Field label="Область" htmlFor="region">
          <Select id="region" name="region" defaultValue={region ?? ""}>
            <option value="">Усі області</option>
            {catalogue.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit">Показати</Button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {formatCount(catalogue.items.length, ["центр", "центри", "центрів"])}
      </p>
      <div className="grid gap-4 md:grid-cols-2" data-testid="centres">
        {catalogue.items.map((centre) => (
          <Card key={centre.id} className="flex flex-col justify-between gap-3" data-testid="centre-card">
            <div className="space-y-1">
              <h2 className="text-lg font-semibold">{centre.name}</h2>
              <p className="text-sm">{centre.address}</p>
              <p className="text-sm text-muted">
                {centre.weekdays.map((d) => WEEKDAYS[d]).join(", ")} · {centre.opensAt}–{centre.closesAt} · тел.{" "}
                {centre.phone}
              </p>
              <p className="text-sm">
                Набирає до: {centre.units.map((unit) => `в/ч ${unit.code} (${unit.name})`).join("; ")}
              </p>
            </div>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href={`/me/centres/${centre.id}`}>Записатися на візит</ButtonLink>
              <Link className="link self-center text-sm" href={`/me/vacancies?centre=${centre.id}`}>
                Вакансії цього центру
              </Link>
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
