"use client";

import { referToVlkAction } from "@/app/tck/actions";
import { AppearanceFields } from "@/components/tck/appearance-fields";
import { RecordActionFooter, RecordActionForm } from "@/components/tck/record-action-form";
import { Field, Input } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";

/** «Направити на ВЛК»: an electronic referral with the date, time and place to appear. */
export function VlkReferralForm({ personRef, defaultPlace }: { personRef: string; defaultPlace: string }) {
  return (
    <RecordActionForm
      action={(form) =>
        referToVlkAction({
          ref: personRef,
          date: form.get("vlkDate"),
          time: form.get("vlkTime"),
          place: form.get("vlkPlace"),
        })
      }
      done={(data) => ({
        notice: `Направлення на ВЛК оформлено: ${formatDateTime(new Date(data.at))}, ${data.place}. Особі надіслано сповіщення.`,
      })}
      className="grid gap-3 sm:grid-cols-3"
    >
      <AppearanceFields dateName="vlkDate" timeName="vlkTime" />
      <Field label="Місце проходження ВЛК" htmlFor="vlkPlace" className="sm:col-span-3">
        <Input id="vlkPlace" name="vlkPlace" defaultValue={defaultPlace} required minLength={5} maxLength={300} />
      </Field>
      <RecordActionFooter variant="secondary" className="sm:col-span-3">
        Направити на ВЛК
      </RecordActionFooter>
    </RecordActionForm>
  );
}
