"use client";

import { recordDataUpdateAction } from "@/app/tck/actions";
import { RecordActionFooter, RecordActionForm } from "@/components/tck/record-action-form";
import { Field, Input } from "@/components/ui/field";

export type DataUpdateValues = {
  phone: string;
  email: string;
  address: string;
  rank: string;
  specialty: string;
};

const FIELDS: Array<[keyof DataUpdateValues, string, string]> = [
  ["phone", "Телефон", "tel"],
  ["email", "Електронна пошта", "email"],
  ["address", "Адреса проживання", "text"],
  ["rank", "Військове звання", "text"],
  ["specialty", "ВОС", "text"],
];

/** «Записати уточнені дані»: what the person told the ТЦК, dated today in the registry. */
export function DataUpdateForm({ personRef, values }: { personRef: string; values: DataUpdateValues }) {
  return (
    <RecordActionForm
      action={(form) => {
        const input = Object.fromEntries(FIELDS.map(([name]) => [name, String(form.get(name) ?? "")]));
        return recordDataUpdateAction({ ref: personRef, ...input });
      }}
      done={() => ({
        notice: "Уточнені дані записано до реєстру з сьогоднішньою датою. Особі надіслано сповіщення.",
      })}
      className="grid gap-3 sm:grid-cols-2"
    >
      {(fieldErrors) => (
        <>
          {FIELDS.map(([name, label, type]) => (
            <Field
              key={name}
              label={label}
              htmlFor={`data-${name}`}
              error={fieldErrors[name]}
              className={name === "address" ? "sm:col-span-2" : undefined}
            >
              <Input
                id={`data-${name}`}
                name={name}
                type={type}
                defaultValue={values[name]}
                invalid={Boolean(fieldErrors[name])}
              />
            </Field>
          ))}
          <RecordActionFooter variant="secondary" className="sm:col-span-2">
            Записати уточнені дані
          </RecordActionFooter>
        </>
      )}
    </RecordActionForm>
  );
}
