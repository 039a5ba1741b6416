"use client";

import Link from "next/link";
import { useState } from "react";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { importDecisionsAction, previewImportAction } from "@/app/ministry/import/actions";
import { IMPORT_HEADER_OF, IMPORT_MAX_BYTES } from "@/lib/enterprises/import-csv";
import type { NewDecisionField } from "@/lib/enterprises/new-decision-fields";
import type { ImportPreview } from "@/lib/enterprises/preview-import";
import { formatNumber, shortEnterpriseName } from "@/lib/format";

type Loaded = { name: string; text: string; preview: ImportPreview };

/** Pick a CSV, see every row's problems, sign the whole valid batch. */
export function ImportForm({ officialRnokpp, authorityEdrpou }: { officialRnokpp?: string; authorityEdrpou: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [inputKey, setInputKey] = useState(0);

  async function choose(file: File | null) {
    setError(null);
    setLoaded(null);
    if (!file) return;
    if (!/\.csv$/i.test(file.name)) return setError("Оберіть файл із розширенням .csv");
    if (file.size > IMPORT_MAX_BYTES) return setError("Файл завеликий: не більше 512 КБ");
    const text = await file.text();
    if (text.includes("\uFFFD"))
      return setError("Файл не в кодуванні UTF-8: у Excel збережіть його як «CSV UTF-8 (розділювач — кома)»");
    setBusy(true);
    const result = await previewImportAction({ name: file.name, text });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setLoaded({ name: file.name, text, preview: result.data });
  }

  function reset() {
    setLoaded(null);
    setError(null);
    setInputKey((k) => k + 1);
  }

  if (saved !== null) {
    return (
      <Notice tone="success" title="Пакет підписано й збережено" testId="import-done">
        Внесено рішень: {formatNumber(saved)}. Керівників підприємств повідомлено.{" "}
        <Link className="link" href="/ministry">
          До переліку підприємств
        </Link>
      </Notice>
    );
  }

  const invalid = loaded ? loaded.preview.rows.filter((r) => Object.keys(r.problems).length > 0).length : 0;
  return (
    <div className="space-y-5">
      <Card>
        <Field label="Файл CSV" htmlFor="import-file" hint="До 512 КБ, кодування UTF-8" error={error ?? undefined}>
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-[15px] file:mr-4 file:rounded-full file:border-0 file:bg-ink file:px-5 file:py-2.5 file:text-white"
            onChange={(event) => void choose(event.target.files?.[0] ?? null)}
          />
        </Field>
        {busy ? (
          <p className="mt-3 text-sm text-muted" role="status">
            Перевіряємо кожен рядок…
          </p>
        ) : null}
      </Card>
      {loaded ? (
        <Card>
          <CardTitle
            action={
              <Button variant="secondary" size="sm" onClick={reset}>
                Обрати інший файл
              </Button>
            }
          >
            Попередній перегляд: {loaded.name}
          </CardTitle>
          {loaded.preview.fileProblems.map((p) => (
            <Notice key={p} tone="error" testId="import-file-problem">
              {p}
            </Notice>
          ))}
          {loaded.preview.rows.length > 0 ? (
            <>
              <p className="mb-3 text-[15px]" aria-live="polite">
                Рядків: {formatNumber(loaded.preview.rows.length)}; з помилками:{" "}
                <strong data-testid="import-invalid-count">{formatNumber(invalid)}</strong>.
                {invalid > 0 ? " Виправте файл і завантажте його знову — нічого не збережено." : ""}
              </p>
              <Table>
                <thead>
                  <tr>
                    <Th>Рядок</Th>
                    <Th>ЄДРПОУ</Th>
                    <Th>№ рішення</Th>
                    <Th>Підприємство</Th>
                    <Th>Перевірка</Th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.preview.rows.map((row) => {
                    const problems = Object.entries(row.problems) as Array<[NewDecisionField, string]>;
                    return (
                      <tr key={row.line} data-testid="import-row" data-valid={problems.length === 0}>
                        <Td className="tabular">{row.line}</Td>
                        <Td className="tabular">{row.edrpou}</Td>
                        <Td>{row.number}</Td>
                        <Td>{row.enterpriseName ? shortEnterpriseName(row.enterpriseName) : "—"}</Td>
                        <Td>
                          {problems.length === 0 ? (
                            <span className="text-sm">✓ Готово</span>
                          ) : (
                            <ul className="space-y-1 text-sm text-chip-fail">
                              {problems.map(([field, message]) => (
                                <li key={field}>
                                  <strong>{IMPORT_HEADER_OF[field] ?? field}:</strong> {message}
                                </li>
                              ))}
                            </ul>
                          )}
                        </Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </>
          ) : null}
        </Card>
      ) : null}
      {loaded?.preview.prepared ? (
        <Card>
          <CardTitle>Підписання пакета</CardTitle>
          <KepSigner
            document={loaded.preview.prepared.document}
            summary={
              <p>
                Пакет із <strong>{formatNumber(loaded.preview.prepared.count)}</strong> рішень про визнання підприємств
                критично важливими (файл «{loaded.name}»). Буде внесено всі разом або жодного.
              </p>
            }
            expectedRnokpp={officialRnokpp}
            expectedEdrpou={authorityEdrpou}
            submitLabel="Підписати й внести пакет"
            onSigned={async ({ signature }) => {
              const prepared = loaded.preview.prepared!;
              const result = await importDecisionsAction({
                file: { name: loaded.name, text: loaded.text },
                nonce: prepared.nonce,
                signature,
              });
              if (!result.ok) return { ok: false, message: result.error.message };
              setSaved(result.data.count);
              return { ok: true };
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
