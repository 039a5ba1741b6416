import { notFound } from "next/navigation";
import { VacancyForm } from "@/components/unit/vacancy-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireRecruiter } from "@/lib/auth/gate";
import { isAppError } from "@/lib/errors";
import { getUnitVacancy } from "@/lib/recruitment/get-unit-vacancy";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Зміна вакансії" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRecruiter(`/unit/vacancies/${id}/edit`);
  const vacancy = await getUnitVacancy(createCtx({ actor }), { vacancyId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader eyebrow="Вакансії частини" title="Зміна вакансії" subtitle={vacancy.title} />
      <Card>
        {vacancy.status === "OPEN" ? (
          <VacancyForm vacancyId={vacancy.id} initial={vacancy} />
        ) : (
          <Notice tone="info">Вакансію закрито: змінити її не можна.</Notice>
        )}
      </Card>
    </div>
  );
}
