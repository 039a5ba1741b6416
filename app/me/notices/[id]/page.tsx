import { notFound } from "next/navigation";
import { NoticeCard } from "@/components/me/notice-card";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { getMyNotice } from "@/lib/citizen/get-my-notice";
import { createCtx } from "@/lib/context-server";
import { isAppError } from "@/lib/errors";

export const metadata = { title: "Повістка" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireConscript(`/me/notices/${id}`);
  const notice = await getMyNotice(createCtx({ actor }), { noticeId: id }).catch((error: unknown) => {
    // Someone else's notice, a missing one and a malformed link look the same: 404.
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.status === 400)) notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader
        eyebrow="Мої повістки"
        title={`Повістка ${notice.number}`}
        subtitle={notice.tcc}
        actions={
          <ButtonLink href="/me/notices" variant="secondary">
            Усі повістки
          </ButtonLink>
        }
      />
      <Card>
        <NoticeCard notice={notice} />
      </Card>
      <p className="text-sm text-muted">
        Сторінка показує відомості реєстру про повістку. Вона не є повісткою і не є її врученням.{" "}
        {notice.signedAt ? `Підписав КЕП: ${notice.signerName ?? "начальник ТЦК"}.` : null}
      </p>
    </div>
  );
}
