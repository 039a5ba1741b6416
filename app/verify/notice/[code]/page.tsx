import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { createCtx } from "@/lib/context-server";
import { formatDate } from "@/lib/format";
import { verifyNotice } from "@/lib/notices/verify-notice";

// Public: no login. proxy.ts rate-limits /verify/ per client address before it renders.
export const metadata: Metadata = {
  title: "Перевірка повістки",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function Page({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const verdict = await verifyNotice(createCtx({ actor: null, readOnly: true }), { code });
  const checkedAt = new Date().toLocaleString("uk-UA", { timeZone: "Europe/Kyiv" });

  if (verdict.status === "UNKNOWN") {
    return (
      <div className="mx-auto max-w-xl space-y-5">
        <PageHeader eyebrow="Перевірка документа" title="Повістка" />
        <section className="card" data-testid="verify-result" data-status="UNKNOWN">
          <div className="rounded-2xl bg-chip-fail p-4 text-white" data-testid="verify-failed">
            <p className="text-2xl font-bold">✕ Повістку не знайдено</p>
            <p className="mt-3 font-medium" data-testid="verify-reason">
              За цим QR-кодом підписаної повістки немає. Перевірте, чи код відскановано повністю; якщо так — документ не
              сформовано реєстром «Оберіг».
            </p>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <PageHeader eyebrow="Перевірка документа" title={`Повістка ${verdict.number}`} />
      <section className="card space-y-4" data-testid="verify-result" data-status={verdict.status}>
        {verdict.status === "VALID" ? (
          <p className="flex items-center gap-3 text-2xl font-bold">
            <span aria-hidden className="grid size-10 place-items-center rounded-full bg-chip-success">
              ✓
            </span>
            Повістка дійсна
          </p>
        ) : (
          <div className="rounded-2xl bg-chip-fail p-4 text-white" data-testid="verify-failed">
            <p className="text-2xl font-bold">✕ Повістку відкликано</p>
            <p className="mt-3 font-medium" data-testid="verify-reason">
              {verdict.reasonText}
            </p>
          </div>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-[15px] sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">Номер</dt>
          <dd className="tabular" data-testid="verify-number">
            {verdict.number}
          </dd>
          <dt className="text-muted">Вид</dt>
          <dd data-testid="verify-kind">{verdict.kind}</dd>
          <dt className="text-muted">ТЦК та СП</dt>
          <dd>{verdict.tcc}</dd>
          <dt className="text-muted">Дата формування</dt>
          <dd className="tabular">{formatDate(verdict.formedOn)}</dd>
          <dt className="text-muted">Дата явки</dt>
          <dd className="tabular">{formatDate(verdict.appearOn)}</dd>
          <dt className="text-muted">Адресат (ініціали)</dt>
          <dd className="font-medium" data-testid="verify-initials">
            {verdict.initials}
          </dd>
        </dl>
        <p className="text-sm text-muted">
          Звірте номер і ініціали з паперовою повісткою. Перевірено {checkedAt} за даними реєстру «Оберіг».
        </p>
      </section>
    </div>
  );
}
