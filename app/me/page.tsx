import Link from "next/link";
import { RecordFacts } from "@/components/me/record-facts";
import { ReservationCard } from "@/components/me/reservation-card";
import { ReservationHistoryCard } from "@/components/me/reservation-history";
import { StatusCard } from "@/components/me/status-card";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { getMyRecord } from "@/lib/citizen/get-my-record";
import { listReservationHistory } from "@/lib/citizen/list-reservation-history";
import { countUnread } from "@/lib/notifications";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Мій військовий облік" };

export default async function Page() {
  const actor = await requireConscript("/me");
  const [record, history, unread] = await Promise.all([
    getMyRecord(createCtx({ actor, now: new Date() })),
    listReservationHistory(createCtx({ actor })),
    countUnread(createCtx({ actor }), { rnokpp: actor.rnokpp!, audience: "me" }),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Мій військовий облік"
        subtitle={record.person.fullName}
        actions={
          <>
            <ButtonLink href="/me/document">еВОД з QR-кодом</ButtonLink>
            <ButtonLink href="/me/contacts" variant="secondary">
              Оновити контакти
            </ButtonLink>
          </>
        }
      />
      {unread > 0 ? (
        <p className="rounded-2xl bg-chip-info/60 px-4 py-3 text-[15px]">
          <Link href="/me/notifications" className="link font-medium">
            Нових сповіщень: {unread}
          </Link>
        </p>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-2">
        <StatusCard record={record} />
        <ReservationCard
          reservation={record.reservation}
          portal={history.reservations.find((r) => r.markId === record.reservation?.markId)?.portal ?? null}
        />
      </div>
      <RecordFacts record={record} />
      <ReservationHistoryCard history={history} />
      <p className="text-sm text-muted">
        <Link href="/me/notifications" className="link">
          Усі сповіщення
        </Link>{" "}
        · дані станом на {new Date().toLocaleString("uk-UA", { timeZone: "Europe/Kyiv" })}
      </p>
    </div>
  );
}
