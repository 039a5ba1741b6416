import Link from "next/link";
import { CloseVacancyButton } from "@/components/unit/close-vacancy-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireRecruiter } from "@/lib/auth/gate";
import { formatInstantDate } from "@/lib/format";
import { VACANCY_STATUS_INFO } from "@/lib/recruitment/labels";
import { listUnitVacancies } from "@/lib/recruitment/list-unit-vacancies";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Вакансії частини" };

export default async function Page() {
  const actor = await requireRecruiter("/unit/vacancies");
  const { unit, vacancies } = await listUnitVacancies(createCtx({ actor }));
  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={`в/ч ${unit.code} · ${unit.name}`}
        title="Вакансії частини"
        actions={<ButtonLink href="/unit/vacancies/new">Нова вакансія</ButtonLink>}
      />
      <Card>
        {vacancies.length === 0 ? (
          <EmptyState title="Вакансій ще немає">
            Опублікуйте першу — вона одразу з'явиться в кабінетах військовозобов'язаних.
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Посада</Th>
                <Th>Область</Th>
                <Th>Стан</Th>
                <Th>Відгуки</Th>
                <Th>
                  <span className="sr-only">Дії</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id} data-testid="unit-vacancy">
                  <Td>
                    <span className="font-medium">{v.title}</span>
                    <span className="block text-xs text-muted">
                      {v.specialty} · з {formatInstantDate(v.publishedAt)}
                    </span>
                  </Td>
                  <Td>{v.region}</Td>
                  <Td>
                    <Badge tone={VACANCY_STATUS_INFO[v.status].tone}>{VACANCY_STATUS_INFO[v.status].label}</Badge>
                  </Td>
                  <Td className="tabular">
                    {v.waiting > 0 ? (
                      <Link href="/unit?status=SUBMITTED" className="link font-medium">
                        {v.waiting} нових
                      </Link>
                    ) : (
                      "0 нових"
                    )}
                    <span className="block text-xs text-muted">усього {v.total}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {v.status === "OPEN" ? (
                      <div className="flex flex-wrap gap-2">
                        <ButtonLink href={`/unit/vacancies/${v.id}/edit`} size="sm" variant="secondary">
                          Змінити
                        </ButtonLink>
                        <CloseVacancyButton vacancyId={v.id} waiting={v.waiting} />
                      </div>
                    ) : v.closedAt ? (
                      <span className="text-xs text-muted">закрито {formatInstantDate(v.closedAt)}</span>
                    ) : null}
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
