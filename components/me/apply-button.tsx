"use client";

import Link from "next/link";
import { useState } from "react";
import { applyToVacancyAction } from "@/app/me/actions";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/**
 * The two clicks: «Відгукнутися» opens the confirmation with an optional comment,
 * «Підтвердити» sends it. Nothing is sent on the first click.
 */
export function ApplyButton({ vacancyId, title, unitCode }: { vacancyId: string; title: string; unitCode: string }) {
  const [step, setStep] = useState<"idle" | "confirm" | "sent">("idle");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [wanted, setWanted] = useState(false);
  const commentId = `comment-${vacancyId}`;

  async function confirm(comment: string) {
    setPending(true);
    setError(null);
    const result = await applyToVacancyAction({ vacancyId, comment: comment || undefined });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setApplicationId(result.data.id);
    setWanted(result.data.wanted);
    // No refresh of the list here: the card would swap this confirmation for its server state
    // mid-read. The notice links to the application; the list shows it on the next visit.
    setStep("sent");
  }

  if (step === "idle") {
    return (
      <Button onClick={() => setStep("confirm")} aria-label={`Відгукнутися на вакансію «${title}»`}>
        Відгукнутися
      </Button>
    );
  }
  if (step === "sent") {
    return (
      <Notice tone="success" title="Відгук надіслано" testId="apply-result">
        Частина {unitCode} розгляне його і зв&apos;яжеться з вами.{" "}
        {wanted
          ? "Ви перебуваєте в розшуку ТЦК та СП: частина знатиме про це, а зняти розшук допоможе ТЦК після листа-відношення. "
          : null}
        {applicationId ? (
          <Link className="link" href={`/me/applications/${applicationId}`}>
            Стежити за статусом
          </Link>
        ) : null}
      </Notice>
    );
  }
  return (
    <form
      className="space-y-3 rounded-2xl bg-canvas/60 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm(String(new FormData(event.currentTarget).get("comment") ?? ""));
      }}
    >
      <p className="text-[15px]">
        Надіслати відгук на «{title}» (в/ч {unitCode})? Частина побачить ваше ім&apos;я, вік, контакти, ВОС і результат
        ВЛК.
      </p>
      <Field
        label="Коментар для рекрутера (необов'язково)"
        htmlFor={commentId}
        hint="До 500 символів: досвід, зручний час для дзвінка"
      >
        <Textarea id={commentId} name="comment" maxLength={500} rows={2} />
      </Field>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Надсилаю…" : "Підтвердити"}
        </Button>
        <Button variant="ghost" onClick={() => setStep("idle")} disabled={pending}>
          Скасувати
        </Button>
      </div>
    </form>
  );
}
