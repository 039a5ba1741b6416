"use client";

import Link from "next/link";
import { useState } from "react";
import { formNoticesAction } from "@/app/tck/actions";
import { AppearanceFields } from "@/components/tck/appearance-fields";
import { RecordActionButton, RecordActionForm, RecordActionMessage } from "@/components/tck/record-action-form";
import { Badge } from "@/components/ui/badge";
import { Field, Select, Textarea } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";

// The register's page of people with a selection, and the form that forms notices for the
// selected people or for everyone the filter finds. The server decides each person again from
// the registry at that moment: what the list shows here is only a hint.

export type RegisterTableRow = {
  rnokpp: string;
  fullName: string;
  href: string;
  birthDate: string;
  status: string;
  category: number;
  marks: string[];
};

const KINDS = [
  ["MOBILISATION", "Для мобілізації (відправлення до військової частини)"],
  ["VLK", "Для проходження ВЛК"],
  ["CLARIFY_DATA", "Для уточнення військово-облікових даних"],
] as const;

export function RegisterTable({
  rows,
  filter,
  defaultPlace,
}: {
  rows: RegisterTableRow[];
  filter: Record<string, unknown>;
  defaultPlace: string;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [by, setBy] = useState<"people" | "filter">("people");

  function toggle(rnokpp: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(rnokpp)) next.delete(rnokpp);
      else next.add(rnokpp);
      return next;
    });
  }

  function submit(form: FormData) {
    const selection = by === "people" ? { by, rnokpps: [...selected] } : { by, filter };
    return formNoticesAction({
      kind: form.get("kind"),
      appearDate: form.get("appearDate"),
      appearTime: form.get("appearTime"),
      place: form.get("place"),
      selection,
    });
  }

  return (
    <div className="space-y-5">
      <Table>
        <thead>
          <tr>
            <Th className="w-10">
              <span className="sr-only">Вибрати</span>
            </Th>
            <Th>ПІБ</Th>
            <Th>РНОКПП</Th>
            <Th>Дата народження</Th>
            <Th>Статус обліку</Th>
            <Th>Кат.</Th>
            <Th>Захист і позначки</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rnokpp}>
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Вибрати: ${row.fullName}`}
                  checked={selected.has(row.rnokpp)}
                  onChange={() => toggle(row.rnokpp)}
                  className="h-4 w-4"
                />
              </Td>
              <Td>
                <Link href={row.href} className="underline">
                  {row.fullName}
                </Link>
              </Td>
              <Td className="tabular">{row.rnokpp}</Td>
              <Td className="tabular">{row.birthDate}</Td>
              <Td>{row.status}</Td>
              <Td>{row.category}</Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {row.marks.map((mark) => (
                    <Badge
                      key={mark}
                      tone={
                        mark.startsWith("Заброньовано") || mark.startsWith("Відстрочка") || mark.startsWith("Служить")
                          ? "success"
                          : "warning"
                      }
                    >
                      {mark}
                    </Badge>
                  ))}
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <RecordActionForm
        // Submitted without React's form reset: a refusal (a past date, an hour outside working
        // time) keeps the date and place typed and the «Кому» radios on what the next submit uses.
        action={submit}
        done={(data) => ({ redirect: `/tck/notices/${data.batchId}` })}
        className="space-y-4 rounded-2xl p-4 ring-1 ring-line"
        label="Формування повісток"
      >
        <h2 className="text-lg font-semibold">Сформувати повістки</h2>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="sr-only">Кому</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="by" checked={by === "people"} onChange={() => setBy("people")} /> Вибраним (
            {selected.size})
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="by" checked={by === "filter"} onChange={() => setBy("filter")} /> Усім за поточним
            фільтром
          </label>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Вид повістки" htmlFor="kind" className="sm:col-span-3">
            <Select id="kind" name="kind" defaultValue="MOBILISATION">
              {KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <AppearanceFields dateName="appearDate" timeName="appearTime" />
          <Field label="Місце явки" htmlFor="place" className="sm:col-span-3">
            <Textarea id="place" name="place" defaultValue={defaultPlace} required rows={2} />
          </Field>
        </div>
        <p className="text-sm text-muted">
          Кожну особу буде перевірено за реєстром у момент формування: заброньованим, особам із відстрочкою, тим, хто
          вже служить, знятим з обліку, жінкам, які не є військовозобов'язаними, а для мобілізації — молодшим за 25 і
          старшим за 60 років повістку не буде сформовано, з причиною для кожного.
        </p>
        <RecordActionMessage testId="form-notices-error" />
        <RecordActionButton pendingLabel="Формуємо…" disabled={by === "people" && selected.size === 0}>
          Сформувати
        </RecordActionButton>
      </RecordActionForm>
    </div>
  );
}
