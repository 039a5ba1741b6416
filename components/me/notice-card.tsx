import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { MyNotice } from "@/lib/citizen/notice-view";
import { formatDateTime } from "@/lib/format";
import { wasSigned } from "@/lib/notices/was-signed";

/** One notice in the citizen's list or on its own page: the printed facts and its delivery status. */
export function NoticeCard({ notice, linked }: { notice: MyNotice; linked?: boolean }) {
  return (
    <article className="space-y-2" data-testid="my-notice" data-status={notice.status} data-kind={notice.kind}>
      <div className="flex flex-wrap items-center gap-2">
        {linked ? (
          <Link href={`/me/notices/${notice.id}`} className="link font-semibold tabular" data-testid="my-notice-number">
            Повістка {notice.number}
          </Link>
        ) : (
          <span className="font-semibold tabular" data-testid="my-notice-number">
            Повістка {notice.number}
          </span>
        )}
        <Badge tone={notice.statusTone}>{notice.statusLabel}</Badge>
      </div>
      <p className="text-[15px]">{notice.kindLabel}</p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-muted">З&apos;явитися</dt>
        <dd className="tabular" data-testid="my-notice-appear">
          {formatDateTime(notice.appearAt)}
        </dd>
        <dt className="text-muted">Місце</dt>
        <dd>{notice.place}</dd>
        <dt className="text-muted">ТЦК та СП</dt>
        <dd>{notice.tcc}</dd>
        {notice.trackingNumber ? (
          <>
            <dt className="text-muted">Трекінг-номер листа</dt>
            <dd className="tabular">{notice.trackingNumber}</dd>
          </>
        ) : null}
        <dt className="text-muted">Статус від</dt>
        <dd className="tabular">{formatDateTime(notice.statusAt)}</dd>
      </dl>
      <p className="text-sm" data-testid="my-notice-meaning">
        {notice.statusMeaning}
      </p>
      {wasSigned(notice, notice.signedAt) ? (
        <p className="text-sm">
          <a
            className="link"
            href={`/me/notices/${notice.id}/pdf`}
            download
            data-testid="my-notice-pdf"
            aria-label={`Завантажити PDF повістки ${notice.number}`}
          >
            Завантажити PDF
          </a>
          {notice.status === "WITHDRAWN" ? " (з позначкою «ВІДКЛИКАНО»)" : null}
        </p>
      ) : null}
      {notice.status === "WITHDRAWN" && notice.withdrawnReason ? (
        <p className="text-sm font-medium" data-testid="my-notice-withdrawn-reason">
          Причина відкликання: {notice.withdrawnReason}
        </p>
      ) : null}
    </article>
  );
}
