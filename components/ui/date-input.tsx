"use client";

import { useState } from "react";
import { isoToUk, parseUkDate } from "@/lib/format/parse-date";
import { Input } from "./field";

// A date typed as дд.мм.рррр, whatever the browser's language (a native date field follows the
// browser's locale). The value in and out is a calendar date "YYYY-MM-DD" ("" while empty or
// not yet a date); with `name` it also travels in a plain form as that ISO date. A typo is said
// in Ukrainian under the field once the user leaves it.

type Props = {
  id: string;
  /** "YYYY-MM-DD" or "". */
  value?: string;
  defaultValue?: string;
  onChange?: (iso: string) => void;
  name?: string;
  min?: string;
  max?: string;
  required?: boolean;
  /** An error from the form (e.g. the server's), shown by the surrounding <Field>. */
  invalid?: boolean;
  className?: string;
};

export function DateInput({ id, value, defaultValue, onChange, name, min, max, required, invalid, className }: Props) {
  const [text, setText] = useState(() => isoToUk(value ?? defaultValue ?? ""));
  const [iso, setIso] = useState(value ?? defaultValue ?? "");
  const [shown, setShown] = useState<string | null>(null);
  // The owner changed the value (a reset, a computed default): show it.
  const [seen, setSeen] = useState(value);
  if (value !== undefined && value !== seen) {
    setSeen(value);
    if (value !== iso) {
      setIso(value);
      setText(isoToUk(value));
      setShown(null);
    }
  }

  function update(next: string) {
    setText(next);
    const parsed = next.trim() === "" ? null : parseUkDate(next, { min, max });
    const nextIso = parsed?.ok ? parsed.iso : "";
    if (parsed?.ok || parsed === null) setShown(null);
    if (nextIso !== iso) {
      setIso(nextIso);
      setSeen(nextIso);
      onChange?.(nextIso);
    }
  }

  function check() {
    if (text.trim() === "") return setShown(required ? "Введіть дату у форматі дд.мм.рррр." : null);
    const parsed = parseUkDate(text, { min, max });
    setShown(parsed.ok ? null : parsed.message);
    if (parsed.ok) setText(isoToUk(parsed.iso));
  }

  const errorId = `${id}-format-error`;
  const describedBy = [shown ? errorId : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <Input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="дд.мм.рррр"
        maxLength={10}
        value={text}
        onChange={(event) => update(event.target.value)}
        onBlur={check}
        aria-invalid={Boolean(shown) || invalid || undefined}
        aria-describedby={describedBy}
        required={required}
        className={className}
        data-date-input=""
      />
      {name ? <input type="hidden" name={name} value={iso} /> : null}
      {shown ? (
        <p id={errorId} className="text-sm text-chip-fail" data-field-error={`${id}-format`}>
          {shown}
        </p>
      ) : null}
    </>
  );
}
