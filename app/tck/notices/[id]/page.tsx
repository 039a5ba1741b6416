import Link from "next/link";
import { notFound } from "next/navigation";
import { SignBatchButton } from "@/components/tck/sign-batch-button";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireTck } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getBatch } from "@/lib/notices/get-batch";
import { NOTICE_STATUS_LABELS, NOTICE_STATUS_TONES } from "@/lib/notices/labels";
import { noticeNumber } from "@/lib/notices/notice-number";
import { NOTICES_PER_PDF } from "@/lib/notices/schemas";
import { wasSigned } from "@/lib/notices/was-signed";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";
import { z } from "@/lib/zod";

export const metadata = { title: "Пакет повісток" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireTck(`/tck/notices/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const { tcc, batch, canSign } = await getBatch(createCtx({ actor }), { batchId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const printable = batch.notices.filter((n) => wasSigned(n, batch.signedAt)).length;
  const parts = Math.ceil(printable / NOTICES_PER_PDF);
  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={tcc.name}
        title={`Повістки: ${NOTICE_KIND_LABELS[batch.kind].toLowerCase()}`}
        subtitle={`Явка ${formatDateTime(batch.appearAt)}, ${batch.place} · сформував ${batch.formedByName} ${formatDateTime(batch.formedAt)}`}
      />
      <Card className="space-y-3">
        <p data-testid="batch-summary">
          Сформовано повісток: <strong>{batch.notices.length}</strong> · відмовлено (особи під захистом закону):{" "}
          <strong>{batch.refusals.length}</strong>
        </p>
        {batch.signedAt ? (
          <>
            <p>
              Підписано КЕП: {batch.signerName}, {formatDateTime(batch.signedAt)}
            </p>
            {parts > 0 ? (
              <div className="flex flex-wrap gap-2" data-testid="batch-pdf">
                {parts === 1 ? (
                  <a href={`/tck/notices/${batch.id}/pdf`} download className={buttonClass()}>
                    Завантажити PDF для друку
                  </a>
                ) : (
                  Array.from({ length: parts }, (_, i) => (
                    <a
                      key={i}
                      href={`/tck/notices/${batch.id}/pdf?part=${i + 1}`}
                      download
                      className={buttonClass(i === 0 ? "primary" : "secondary")}
                    >
                      Завантажити PDF для друку, частина {i + 1} (повістки {i * NOTICES_PER_PDF + 1}–
                      {Math.min((i + 1) * NOTICES_PER_PDF, printable)})
                    </a>
                  ))
                )}
              </div>
            ) : null}
          </>
        ) : (
          <p className="text-muted">Пакет чекає підпису начальника ТЦК та СП.</p>
        )}
        {canSign ? (
          <SignBatchButton batchId={batch.id} count={batch.notices.filter((n) => n.status === "FORMED").length} />
        ) : null}
      </Card>
      {batch.refusals.length > 0 ? (
        <Card>
          <CardTitle>Кому повістку не сформовано</CardTitle>
          <Table data-testid="refusals">
            <thead>
              <tr>
                <Th>ПІБ</Th>
                <Th>РНОКПП</Th>
                <Th>Причина</Th>
              </tr>
            </thead>
            <tbody>
              {batch.refusals.map((r) => (
                <tr key={r.id}>
                  <Td>{r.fullName}</Td>
                  <Td className="tabular">{r.rnokpp}</Td>
                  <Td>{r.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      <Card>
        <CardTitle>Повістки</CardTitle>
        <Table data-testid="notices">
          <thead>
            <tr>
              <Th>Номер</Th>
              <Th>ПІБ</Th>
              <Th>РНОКПП</Th>
              <Th>Стан</Th>
              <Th>Перевірка</Th>
              {batch.signedAt ? <Th>PDF</Th> : null}
            </tr>
          </thead>
          <tbody>
            {batch.notices.map((n) => (
              <tr key={n.id} data-testid="batch-notice" data-status={n.status}>
                <Td className="tabular">{noticeNumber(n.seq, n.createdAt)}</Td>
                <Td>{n.fullName}</Td>
                <Td className="tabular">{n.rnokpp}</Td>
                <Td>
                  <Badge tone={NOTICE_STATUS_TONES[n.status]}>{NOTICE_STATUS_LABELS[n.status]}</Badge>
                  {n.withdrawnReason ? <p className="mt-1 text-sm text-muted">{n.withdrawnReason}</p> : null}
                </Td>
                <Td>
                  {/* The address the printed QR code carries; a notice is checkable once the head has signed. */}
                  {batch.signedAt && n.status !== "FORMED" ? (
                    <Link className="underline" href={`/verify/notice/${n.code}`} data-testid="notice-verify-link">
                      Перевірити за QR
                    </Link>
                  ) : (
                    <span className="text-muted">після підпису</span>
                  )}
                </Td>
                {batch.signedAt ? (
                  <Td>
                    {wasSigned(n, batch.signedAt) ? (
                      <a
                        className="link"
                        href={`/tck/notices/${batch.id}/pdf/${n.id}`}
                        download
                        aria-label={`PDF повістки ${noticeNumber(n.seq, n.createdAt)}`}
                      >
                        PDF
                      </a>
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
