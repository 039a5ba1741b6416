import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Select } from "@/components/ui/field";

// The pieces every list's filter form repeats (the ministry's decisions, the company's
// employees, the ТЦК's register): a labelled select whose empty choice means «all», and the
// submit and reset buttons. The forms keep their own fields, action and layout.

export type FilterChoice = readonly [value: string, label: string];

/** Choices from a list of codes and their labels, e.g. `choices(DECISION_STATES, DECISION_STATE_LABELS)`. */
export function choices<T extends string>(
  codes: readonly T[],
  labels: Record<T, string> | ((code: T) => string),
): FilterChoice[] {
  return codes.map((code) => [code, typeof labels === "function" ? labels(code) : labels[code]] as const);
}

type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  choices: readonly FilterChoice[];
  /** The empty choice's text («Усі» by default); null when a value is always chosen (sorting). */
  any?: string | null;
  /** The value shown when none is chosen, for selects without an empty choice. */
  fallback?: string;
  className?: string;
};

export function FilterSelect({
  id,
  name,
  label,
  value,
  choices: options,
  any = "Усі",
  fallback,
  className,
}: FilterSelectProps) {
  return (
    <Field label={label} htmlFor={id} className={className}>
      <Select id={id} name={name} defaultValue={value ?? fallback ?? ""}>
        {any === null ? null : <option value="">{any}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** «Знайти» and «Скинути» (a link back to the list without filters). */
export function FilterActions({ resetHref, className }: { resetHref: string; className?: string }) {
  return (
    <div className={cn("flex items-end gap-2", className)}>
      <Button type="submit">Знайти</Button>
      <Link href={resetHref} className="inline-flex h-11 items-center rounded-full px-4 text-[15px] hover:bg-black/5">
        Скинути
      </Link>
    </div>
  );
}
