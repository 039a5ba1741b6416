import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireCompany } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/notifications";
import { markCompanyNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireCompany("/company/notifications");
  const { items, unread } = await listNotifications(db, { rnokpp: actor.rnokpp ?? "", audience: "company", take: 100 });
  return <NotificationInbox items={items} unread={unread} markRead={markCompanyNotificationsReadAction} emptyHint="Тут з'являтимуться рішення щодо заяв, зміни статусу підприємства та заяви, що очікують підпису." />;
}
