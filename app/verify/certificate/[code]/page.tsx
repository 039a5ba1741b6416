import type { Metadata } from "next";
import { PdfCheckForm } from "@/components/certificates/pdf-check-form";
import { PageHeader } from "@/components/ui/page-header";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { createCtx } from "@/lib/context-server";
import { formatDate } from "@/lib/format";

// Public: no login. proxy.ts rate-limits /verify/ per client address before it renders.
export const metadata: Metadata = {
  title: "Перевірка довідки",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const FAILED_TITLE = {
  REVOKED: "Довідку відкликано",
  OUTDATED: "Довідка недійсна",
  SEAL_INVALID: "Печатка недійсна",
} as const;

export default async function Page({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const verdict = await verifyCertificate(createCtx({ actor: null, readOnly: true }), { code });
  const checkedAt = new Date().toLocaleString("uk-UA", { timeZone: "Europe/Kyiv" });

  if (verdict.status === "UNKNOWN") {
    return (
      <div className="mx-auto max-w-xl space-y-5">
        <PageHeader eyebrow="Перевірка документа" title="Довідка" />
        <section className="card" data-testid="verify-result" data-status="UNKNOWN">
          <div className="rounded-2xl bg-chip-fail p-4 text-white" data-testid="verify-failed">
            <p className="text-2xl font-bold">✕ Довідку не знайдено</p>
            <p className="mt-3 font-medium" data-testid="verify-reason">
              За цим QR-кодом довідки немає. Перевірте, чи код відскановано повністю.
            </p>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <PageHeader eyebrow="Перевірка документа" title={verdict.title} />
      <section className="card space-y-4" data-testid="verify-result" data-status={verdict.status}>
        {verdict.status === "VALID" ? (
          <p className="flex items-center gap-3 text-2xl font-bold">
            <span aria-hidden className="grid size-10 place-items-center rounded-full bg-chip-success">
              ✓
            </span>
            Довідка дійсна
          </p>
        ) : (
          <div className="rounded-2xl bg-chip-fail p-4 text-white" data-testid="verify-failed">
            <p className="text-2xl font-bold">✕ {FAILED_TITLE[verdict.status]}</p>
            <p className="mt-3 font-medium" data-testid="verify-reason">
              {verdict.reasonText}
            </p>
          </div>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-[15px] sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">Вид</dt>
          <dd data-testid="verify-kind">{verdict.title}</dd>
          <dt className="text-muted">Номер</dt>
          <dd className="tabular" data-testid="verify-number">
            {verdict.number}
          </dd>
          <dt className="text-muted">Дата видачі</dt>
          <dd className="tabular">{formatDate(verdict.issuedOn)}</dd>
          <dt className="text-muted">Власник (ініціали)</dt>
          <dd className="font-medium" data-testid="verify-initials">
            {verdict.initials}
          </dd>
          <dt className="text-muted">Рік народження</dt>
          <dd className="tabular">{verdict.birthYear}</dd>
          <dt className="text-muted">Печатка</dt>
          <dd data-testid="verify-seal">
            {verdict.seal.valid
              ? `Кваліфікована електронна печатка: ${verdict.seal.organization}, накладена ${verdict.seal.signedOn ? formatDate(verdict.seal.signedOn) : ""}`
              : "недійсна"}
          </dd>
        </dl>
        <p className="text-sm text-muted">
          Звірте ініціали і рік народження з документом, що посвідчує особу. Перевірено {checkedAt} за даними реєстру
          «Оберіг».
        </p>
      </section>
      <section className="card space-y-3">
        <h2 className="text-lg font-semibold">Чи не змінено файл?</h2>
        <PdfCheckForm code={code} />
      </section>
    </div>
  );
}
