"use client";

import Link from "next/link";
import { useState } from "react";
import { bookCentreVisitAction } from "@/app/me/centres/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ScheduleSlot } from "@/lib/centres/get-centre-schedule";
import { VISIT_PURPOSES, type VisitPurpose } from "@/lib/centres/schemas";
import { formatDate } from "@/lib/format/date";

/** Pick a free slot of the day and the visit's purpose, then confirm: the booking is one call. */
export function BookVisitForm({ centreId, day, slots }: { centreId: string; day: string; slots: ScheduleSlot[] }) {
  const [time, setTime] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<{ day: string; time: string } | null>(null);

  async function book(purpose: VisitPurpose) {
    if (!time) return setError("Оберіть час візиту");
    setPending(true);
    setError(null);
    const result = await bookCentreVisitAction({ centreId, day, time, purpose });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setBooked({ day: result.data.day, time: result.data.time });
  }

  if (booked) {
    return (
      <Notice tone="success" title="Вас записано" testId="visit-booked">
        {formatDate(booked.day)} о {booked.time}. Нагадування надійшло в сповіщення.{" "}
        <Link className="link" href="/me/centres">
          Мої візити
        </Link>
      </Notice>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void book(String(new FormData(event.currentTarget).get("purpose")) as VisitPurpose);
      }}
    >
      <fieldset>
        <legend className="mb-2 font-medium">Час на {formatDate(day)}</legend>
        <div className="flex flex-wrap gap-2" data-testid="visit-slots">
          {slots.map((slot) => (
            <button
              key={slot.time}
              type="button"
              disabled={!slot.bookable}
              title={slot.reason ?? `Вільних місць: ${slot.free}`}
              aria-pressed={time === slot.time}
              onClick={() => setTime(slot.time)}
              className={`tabular rounded-xl px-3 py-2 text-sm ${time === slot.time ? "bg-black text-white" : "bg-canvas"} disabled:cursor-not-allowed disabled:opacity-40`}
              data-testid="visit-slot"
            >
              {slot.time}
              <span className="sr-only">{slot.bookable ? `, вільних місць: ${slot.free}` : `, ${slot.reason}`}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <Field label="Мета візиту" htmlFor="purpose">
        <Select id="purpose" name="purpose" defaultValue="CONTRACT">
          {Object.entries(VISIT_PURPOSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending || !time} aria-busy={pending}>
        {time ? `Записатися на ${time}` : "Оберіть час"}
      </Button>
      {error ? (
        <Notice tone="error" testId="visit-error">
          {error}
        </Notice>
      ) : null}
    </form>
  );
}
