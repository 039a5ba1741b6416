import { redirect } from "next/navigation";
import { AnnulmentReview } from "@/components/company/annulment-review";
import { DraftActions } from "@/components/company/draft-actions";
import { PrecheckReview, reservationOutcome } from "@/components/company/precheck-review";
import { selectionKey } from "@/components/company/selection-key";
import { NotCriticalNotice } from "@/components/company/standing-notice";
import { ANNULMENT_STEPS, RESERVATION_STEPS, StepHeader } from "@/components/company/step-header";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireCompany } from "@/lib/auth/gate";
import { getDraftPage } from "@/lib/company/get-draft-page";
import { formatDateTime, formatNumber, pluralUk } from "@/lib/format";
import { orNotFound } from "../../../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Перевірка заяви" };

// Steps 3 and 4 of both wizards, and the head's page for a draft an authorized person handed
// over: the pre-check, then the signature (or, for an authorized person, the hand-over).
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireCompany(`/company/applications/drafts/${id}`);
  const { draft, context } = await orNotFound(getDraftPage(createCtx({ actor }), { draftId: id }));
  if (draft.applicationId) redirect(`/company/applications/${draft.applicationId}`);

  const reservation = draft.kind === "RESERVATION";
  const mine = draft.preparedBy.rnokpp === actor.rnokpp;
  const editHref = mine
    ? reservation
      ? "/company/applications/new?step=salaries"
      : "/company/annulments?step=ground"
    : null;
  const count = draft.items.length;
  const people = `${formatNumber(count)} ${pluralUk(count, ["працівник", "працівники", "працівників"])}`;
  const summary = reservation ? (
    <p>
      Заява про бронювання: {people}; за попередньою перевіркою буде заброньовано{" "}
      {formatNumber(reservationOutcome(draft.items, draft.limit).reserved)}.
      <br />
      {context.enterpriseName}, ЄДРПОУ {context.edrpou}.
    </p>
  ) : (
    <p>
      Заява про анулювання бронювання: {people}; підстава — {draft.ground.label}.
      <br />
      {context.enterpriseName}, ЄДРПОУ {context.edrpou}.
    </p>
  );

  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <StepHeader
        steps={reservation ? RESERVATION_STEPS : ANNULMENT_STEPS}
        current={3}
        title={reservation ? "Перевірте заяву перед підписом" : "Перевірте заяву про анулювання"}
        hint={`Підготував(ла): ${draft.preparedBy.fullName ?? draft.preparedBy.rnokpp}, ${formatDateTime(draft.createdAt)}.`}
      />
      {reservation && !context.standing.critical ? <NotCriticalNotice standing={context.standing} /> : null}
      {draft.expired ? (
        <Notice tone="warning" title="Чернетка застаріла">
          Заяву підготовлено понад добу тому: дані могли змінитися. Сформуйте її знову.
          <div className="mt-3">
            <ButtonLink href={reservation ? "/company/applications/new" : "/company/annulments"} size="sm">
              Сформувати знову
            </ButtonLink>
          </div>
        </Notice>
      ) : null}
      {reservation ? (
        <PrecheckReview items={draft.items} limit={draft.limit} date={draft.date} />
      ) : (
        <AnnulmentReview items={draft.items} ground={draft.ground.label} date={draft.date} />
      )}
      {draft.expired ? null : (
        <DraftActions
          draftId={draft.id}
          kind={draft.kind}
          document={draft.document}
          summary={summary}
          isHead={context.isHead}
          headName={context.head.fullName}
          expectedRnokpp={context.head.rnokpp ?? undefined}
          expectedEdrpou={context.edrpou}
          storeKey={selectionKey(reservation ? "reservation" : "annulment", context.edrpou)}
          editHref={editHref}
          preparedByMe={mine}
        />
      )}
    </div>
  );
}
