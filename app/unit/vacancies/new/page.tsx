import { VacancyForm } from "@/components/unit/vacancy-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRecruiter } from "@/lib/auth/gate";

export const metadata = { title: "Нова вакансія" };

export default async function Page() {
  await requireRecruiter("/unit/vacancies/new");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader
        eyebrow="Вакансії частини"
        title="Нова вакансія"
        subtitle="Після публікації вакансію одразу побачать у кабінетах військовозобов'язаних"
      />
      <Card>
        <VacancyForm initial={{ title: "", specialty: "", region: "", requirements: "", description: "" }} />
      </Card>
    </div>
  );
}
