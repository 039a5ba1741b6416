import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireOfficial } from "@/lib/auth/gate";
import { listNotifications } from "@/lib/notifications";
import { markMinistryNotificationsReadAction } from "./actions";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireOfficial("/ministry/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "ministry",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markMinistryNotificationsReadAction}
      emptyHint="Тут з'являтимуться події щодо рішень вашого органу."
    />
  );
}
