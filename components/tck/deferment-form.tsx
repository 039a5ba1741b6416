"use client";

import { grantDefermentAction } from "@/app/tck/actions";
import { RecordActionFooter, RecordActionForm } from "@/components/tck/record-action-form";
import { Field, Input, Select } from "@/components/ui/field";

export function DefermentForm({ personRef, grounds }: { personRef: string; grounds: string[] }) {
  return (
    <RecordActionForm
      action={(form) => grantDefermentAction({ ref: personRef, ground: form.get("ground"), until: form.get("until") })}
      done={(data) => ({
        notice:
          data.withdrawn > 0
            ? `Відстрочку надано. Невручених повісток на мобілізацію відкликано: ${data.withdrawn}.`
            : "Відстрочку надано.",
      })}
      className="grid gap-3 sm:grid-cols-3"
    >
      <Field label="Підстава" htmlFor="ground" className="sm:col-span-2">
        <Select id="ground" name="ground">
          {grounds.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="До" htmlFor="until">
        <Input id="until" name="until" type="date" required />
      </Field>
      <RecordActionFooter variant="secondary" className="sm:col-span-3">
        Надати відстрочку
      </RecordActionFooter>
    </RecordActionForm>
  );
}
