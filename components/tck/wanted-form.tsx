"use client";

import { setWantedStatusAction } from "@/app/tck/actions";
import { RecordActionFooter, RecordActionForm } from "@/components/tck/record-action-form";
import { Field, Textarea } from "@/components/ui/field";

/** «Оголосити в розшук» for a person who is not wanted, «Зняти з розшуку» for one who is; a reason either way. */
export function WantedForm({ personRef, wanted }: { personRef: string; wanted: boolean }) {
  return (
    <RecordActionForm
      action={(form) => setWantedStatusAction({ ref: personRef, wanted: !wanted, reason: form.get("reason") })}
      done={(data) => ({
        notice: data.wanted
          ? "Особу оголошено в розшук. Їй надіслано сповіщення."
          : "Особу знято з розшуку. Їй надіслано сповіщення.",
      })}
      resetKey={String(wanted)}
      className="grid gap-3"
    >
      <Field label="Підстава" htmlFor="wanted-reason">
        <Textarea id="wanted-reason" name="reason" rows={2} required minLength={5} maxLength={500} />
      </Field>
      <RecordActionFooter variant={wanted ? "secondary" : "danger"}>
        {wanted ? "Зняти з розшуку" : "Оголосити в розшук"}
      </RecordActionFooter>
    </RecordActionForm>
  );
}
