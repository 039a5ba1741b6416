import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireConscript } from "@/lib/auth/gate";
import { listNotifications } from "@/lib/notifications";
import { markMyNotificationsReadAction } from "../actions";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireConscript("/me/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "me",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markMyNotificationsReadAction}
      emptyHint="Тут з'являтимуться зміни вашого обліку, бронювання та відгуків."
      eyebrow="Мій облік"
    />
  );
}
