import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireCompany } from "@/lib/auth/gate";
import { listNotifications } from "@/lib/notifications";
import { markCompanyNotificationsReadAction } from "../actions";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireCompany("/company/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "company",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markCompanyNotificationsReadAction}
      emptyHint="Тут з'являтимуться рішення щодо заяв, зміни статусу підприємства та заяви, що очікують підпису."
    />
  );
}
