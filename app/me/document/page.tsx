import { EvodCard } from "@/components/me/evod-card";
import { EvodOfflineCopy } from "@/components/pwa/evod-offline-copy";
import { IssueEvodButton } from "@/components/me/issue-evod-button";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { dataUpdateInfo } from "@/lib/citizen/status-info";
import { EVOD_INVALID_REASONS } from "@/lib/evod/evaluate-evod";
import { evodQrSvg, evodVerifyUrl } from "@/lib/evod/evod-url";
import { getMyEvod } from "@/lib/evod/get-my-evod";
import { formatDateTime, kyivDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "еВОД" };

export default async function Page() {
  const actor = await requireConscript("/me/document");
  const now = new Date();
  const evod = await getMyEvod(createCtx({ actor, now }));

  if (!evod || !evod.verdict.valid) {
    return (
      <div className="mx-auto max-w-2xl space-y-5">
        <PageHeader title="еВОД" subtitle="Електронний військово-обліковий документ з QR-кодом" />
        {evod && !evod.verdict.valid ? (
          <Notice tone="warning" title="Попередній документ більше не дійсний" testId="evod-invalid">
            {EVOD_INVALID_REASONS[evod.verdict.reason]}. Сформуйте новий — він покаже актуальні дані реєстру.
          </Notice>
        ) : null}
        <Card>
          <p className="mb-4 text-[15px]">
            Документ формується з даних реєстру «Оберіг» на сьогодні. Він дійсний до року, але не довше за бронювання чи
            відстрочку, і стає недійсним, щойно дані в реєстрі зміняться. ТЦК та поліція перевіряють його за QR-кодом.
          </p>
          <IssueEvodButton label="Сформувати еВОД" />
        </Card>
      </div>
    );
  }

  const verifyUrl = evodVerifyUrl(evod.code);
  const upToDate = dataUpdateInfo(evod.snapshot.military?.dataUpdatedOn ?? null, kyivDate(now)).upToDate;
  return (
    <div className="space-y-5">
      <PageHeader
        title="еВОД"
        subtitle="Роздрукований документ із QR-кодом має ту саму силу, що й електронний"
        actions={
          <>
            <a href="/me/document/pdf" download className={buttonClass()} data-testid="evod-pdf">
              Завантажити PDF
            </a>
            <IssueEvodButton label="Сформувати заново" variant="secondary" />
          </>
        }
      />
      <EvodOfflineCopy savedAt={formatDateTime(now)} />
      <EvodCard
        snapshot={evod.snapshot}
        qrSvg={await evodQrSvg(verifyUrl)}
        verifyUrl={verifyUrl}
        validUntil={evod.validUntil}
        dataUpToDate={upToDate}
        issuedAt={evod.issuedAt}
      />
    </div>
  );
}
