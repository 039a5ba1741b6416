import { Field, Input } from "@/components/ui/field";

/** «Дата явки» and «Час явки» (09:00 by default) of a notice or a referral: a working day within the ТЦК's hours. */
export function AppearanceFields({ dateName, timeName }: { dateName: string; timeName: string }) {
  return (
    <>
      <Field label="Дата явки" htmlFor={dateName}>
        <Input id={dateName} name={dateName} type="date" required />
      </Field>
      <Field label="Час явки" htmlFor={timeName} hint="Робочі години: 08:00–17:00">
        <Input id={timeName} name={timeName} type="time" defaultValue="09:00" required />
      </Field>
    </>
  );
}
