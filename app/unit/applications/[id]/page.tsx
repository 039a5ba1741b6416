import { notFound } from "next/navigation";
import { ApplicationCard } from "@/components/unit/application-card";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireRecruiter } from "@/lib/auth/gate";
import { isAppError } from "@/lib/errors";
import { getUnitApplication } from "@/lib/recruitment/get-unit-application";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Відгук кандидата" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRecruiter(`/unit/applications/${id}`);
  const application = await getUnitApplication(createCtx({ actor, now: new Date() }), { applicationId: id }).catch(
    (error: unknown) => {
      // Another unit's application and a missing one look the same: 404.
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        eyebrow="Відгуки"
        title={application.applicant.fullName}
        subtitle={`Вакансія «${application.vacancy.title}»`}
        actions={
          <ButtonLink href="/unit" variant="secondary">
            Усі відгуки
          </ButtonLink>
        }
      />
      <ApplicationCard application={application} />
    </div>
  );
}
