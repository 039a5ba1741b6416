import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireCentreRecruiter } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { listNotifications } from "@/lib/notifications";
import { markCentreNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireCentreRecruiter("/centre/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "centre",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markCentreNotificationsReadAction}
      emptyHint="Тут з'являтимуться нові записи на візит і заяви на базову службу."
    />
  );
}
