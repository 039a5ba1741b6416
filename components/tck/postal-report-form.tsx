"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { importPostalReportAction } from "@/app/tck/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { NOTICE_STATUS_LABELS } from "@/lib/notices/labels";
import type { PostalReportResult } from "@/lib/notices/import-postal-report";

// The post's CSV report: first a preview per row (what changes, every problem with its line),
// then «Застосувати» writes the whole file in one transaction — or nothing while a problem remains.

export function PostalReportForm() {
  const router = useRouter();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<PostalReportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(text: string, apply: boolean) {
    setBusy(true);
    setError(null);
    const result = await importPostalReportAction({ csv: text, apply });
    setBusy(false);
    if (!result.ok) {
      const problems = (result.error.details?.problems ?? []) as PostalReportResult["problems"];
      setError(result.error.message);
      if (problems.length > 0) setPreview({ changes: [], problems, applied: false });
      return;
    }
    if (apply) {
      setDone(`Записано рядків: ${result.data.changes.length}.`);
      setPreview(null);
      setCsv(null);
      router.refresh();
    } else setPreview(result.data);
  }

  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium">
        Звіт пошти (CSV: Трек-номер; Номер повістки; Статус — прийнято, вручено, відмова або повернуто; Дата)
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="postal-csv"
          className="mt-1 block"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setDone(null);
            if (!file) return;
            const text = await file.text();
            setCsv(text);
            await run(text, false);
          }}
        />
      </label>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      {preview ? (
        <div className="space-y-3" data-testid="postal-preview">
          {preview.problems.length > 0 ? (
            <Table data-testid="postal-problems">
              <thead>
                <tr>
                  <Th>Рядок</Th>
                  <Th>Помилка</Th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((p, i) => (
                  <tr key={i}>
                    <Td className="tabular">{p.line}</Td>
                    <Td>{p.message}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
          {preview.changes.length > 0 ? (
            <Table data-testid="postal-changes">
              <thead>
                <tr>
                  <Th>Рядок</Th>
                  <Th>Повістка</Th>
                  <Th>ПІБ</Th>
                  <Th>Трек-номер</Th>
                  <Th>Новий стан</Th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((c) => (
                  <tr key={c.line}>
                    <Td className="tabular">{c.line}</Td>
                    <Td className="tabular">{c.number}</Td>
                    <Td>{c.fullName}</Td>
                    <Td className="tabular">{c.tracking}</Td>
                    <Td>{NOTICE_STATUS_LABELS[c.to]}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
          {preview.problems.length > 0 ? (
            <p className="text-sm text-muted">
              Виправте помилки у файлі й завантажте його знову: поки є хоч одна помилка, жодного рядка не буде записано.
            </p>
          ) : csv && preview.changes.length > 0 ? (
            <Button onClick={() => run(csv, true)} disabled={busy}>
              {busy ? "Записуємо…" : `Застосувати (${preview.changes.length})`}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
