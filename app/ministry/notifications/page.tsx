import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications";

export const metadata = { title: "Сповіщення" };

// The official's inbox (audience "ministry"); the header links here.
export default async function Page() {
  const actor = await requireActor(["OFFICIAL"], "/ministry/notifications");
  const { items } = actor.rnokpp ? await listNotifications(db, { rnokpp: actor.rnokpp, audience: "ministry", take: 100 }) : { items: [] };
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader title="Сповіщення" />
      <Card>
        {items.length === 0 ? <EmptyState title="Сповіщень немає" /> : (
          <ul className="divide-y divide-line">
            {items.map((n) => (
              <li key={n.id} className="py-3">
                <p className="font-medium">{n.title}</p>
                <p className="text-[15px]">{n.body}</p>
                <p className="text-xs text-muted">{formatDateTime(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
