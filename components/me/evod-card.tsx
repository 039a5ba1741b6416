import { Badge } from "@/components/ui/badge";
import { evodFields, evodStatusLabel } from "@/lib/evod/evod-fields";
import type { EvodSnapshot } from "@/lib/evod/snapshot";
import { formatDate, formatDateTime } from "@/lib/format";

/**
 * The еВОД on screen: the same lines as the PDF, the QR code beside them (above them on a
 * phone: a checkpoint scans it first). A reserved person's end date is a chip of its own,
 * because that is what a ТЦК officer looks for.
 */
export function EvodCard({
  snapshot,
  qrSvg,
  verifyUrl,
  validUntil,
  dataUpToDate,
  issuedAt,
}: {
  snapshot: EvodSnapshot;
  qrSvg: string;
  verifyUrl: string;
  validUntil: string;
  dataUpToDate: boolean;
  issuedAt: Date;
}) {
  const wanted = snapshot.military?.status === "WANTED";
  return (
    <article className="card overflow-hidden p-0 sm:p-0" aria-labelledby="evod-title" data-testid="evod">
      {wanted ? (
        <p className="bg-chip-fail px-5 py-2 text-center text-sm font-bold uppercase text-white">У розшуку</p>
      ) : null}
      <div className="grid gap-6 p-5 sm:p-6 md:grid-cols-[1fr_auto]">
        <div>
          <h2 id="evod-title" className="text-xl font-bold">
            Військово-обліковий документ
          </h2>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone={wanted ? "fail" : "success"}>{evodStatusLabel(snapshot) ?? "Не на обліку"}</Badge>
            <Badge tone={dataUpToDate ? "success" : "warning"}>
              {dataUpToDate ? "✓ Дані уточнено вчасно" : "Дані не уточнено"}
            </Badge>
            {snapshot.reservation ? (
              <Badge tone="success" testId="evod-reserved-until">
                Заброньовано до {formatDate(snapshot.reservation.untilDate)}
              </Badge>
            ) : null}
            <Badge tone="info">Дійсний до {formatDate(validUntil)}</Badge>
          </div>
          <p className="mt-2 text-sm text-muted" data-testid="evod-as-of">
            Дані станом на {formatDateTime(issuedAt)}
          </p>
          <dl className="mt-4">
            {evodFields(snapshot).map((field) => (
              <div
                key={field.label}
                className="grid gap-0.5 border-b border-line/70 py-2 sm:grid-cols-[13rem_1fr] sm:gap-4"
              >
                <dt className="text-sm text-muted">{field.label}</dt>
                <dd className="text-[15px]">{field.value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <figure className="order-first mx-auto w-48 text-center sm:w-56 md:order-none md:mx-0" data-testid="evod-qr">
          {/* The SVG comes from the qrcode library, drawn from our own URL: no user markup in it. */}
          <div
            className="rounded-2xl bg-white p-2 ring-1 ring-line"
            role="img"
            aria-label="QR-код для перевірки документа"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <figcaption className="mt-2 text-xs text-muted">
            Скануйте, щоб перевірити дійсність:{" "}
            <a className="link break-all" href={verifyUrl} data-testid="evod-verify-link">
              {verifyUrl}
            </a>
          </figcaption>
        </figure>
      </div>
    </article>
  );
}
