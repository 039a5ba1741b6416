import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { verifyEvod } from "@/lib/evod/verify-evod";
import { formatDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

// Public: no login. proxy.ts rate-limits this path per client address before it renders.
export const metadata: Metadata = {
  title: "Перевірка еВОД",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** A failed check must be unmissable at a checkpoint: a red block, a large ✕ and the reason. */
function Failed({ title, reason }: { title: string; reason: string }) {
  return (
    <div className="rounded-2xl bg-chip-fail p-4 text-white sm:p-5" data-testid="verify-failed">
      <p className="flex items-center gap-3 text-2xl font-bold">
        <span
          aria-hidden
          className="grid size-12 shrink-0 place-items-center rounded-full bg-white text-3xl text-chip-fail"
        >
          ✕
        </span>
        {title}
      </p>
      <p className="mt-3 text-[15px] font-medium" data-testid="verify-reason">
        {reason}
      </p>
    </div>
  );
}

export default async function Page({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const verdict = await verifyEvod(createCtx({ actor: null, now: new Date(), readOnly: true }), { code });
  const checkedAt = new Date().toLocaleString("uk-UA", { timeZone: "Europe/Kyiv" });

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <PageHeader eyebrow="Перевірка документа" title="Військово-обліковий документ" />
      {verdict.status === "UNKNOWN" ? (
        <section className="card space-y-3" data-testid="verify-result" data-status="UNKNOWN">
          <Failed
            title="Документ не знайдено"
            reason="За цим QR-кодом документа немає. Перевірте, чи код відскановано повністю; документ без дійсного QR-коду не є чинним."
          />
        </section>
      ) : (
        <section className="card space-y-4" data-testid="verify-result" data-status={verdict.status}>
          {verdict.status === "VALID" ? (
            <p className="flex items-center gap-3 text-2xl font-bold">
              <span aria-hidden className="grid size-10 place-items-center rounded-full bg-chip-success">
                ✓
              </span>
              Документ дійсний
            </p>
          ) : (
            <Failed
              title="Документ недійсний"
              reason={verdict.reasonText ?? "Дані документа більше не збігаються з реєстром «Оберіг»."}
            />
          )}
          <dl className="grid gap-x-6 gap-y-2 text-[15px] sm:grid-cols-[12rem_1fr]">
            <dt className="text-muted">Власник (ініціали)</dt>
            <dd className="font-medium" data-testid="verify-initials">
              {verdict.initials}
            </dd>
            <dt className="text-muted">Рік народження</dt>
            <dd className="tabular">{verdict.birthYear}</dd>
            {verdict.status === "VALID" ? (
              <>
                <dt className="text-muted">Бронювання</dt>
                <dd data-testid="verify-reservation">
                  {verdict.reservationUntil ? `до ${formatDate(verdict.reservationUntil)}` : "бронювання немає"}
                </dd>
              </>
            ) : null}
            <dt className="text-muted">Сформовано</dt>
            <dd className="tabular">{formatDate(verdict.issuedOn)}</dd>
            <dt className="text-muted">Дійсний до</dt>
            <dd className="tabular">{formatDate(verdict.validUntil)}</dd>
          </dl>
          <p className="text-sm text-muted">
            Звірте ініціали і рік народження з документом, що посвідчує особу. Перевірено {checkedAt} за даними реєстру
            «Оберіг».
          </p>
        </section>
      )}
    </div>
  );
}
