import { NoticeAlertsToggle } from "@/components/me/notice-alerts-toggle";
import { NoticeCard } from "@/components/me/notice-card";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { listMyNotices } from "@/lib/citizen/list-my-notices";
import { NOTICE_SENT_DISCLAIMER } from "@/lib/citizen/notice-view";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Повістки" };

export default async function Page() {
  const actor = await requireConscript("/me/notices");
  const { notices, noticeSentAlerts } = await listMyNotices(createCtx({ actor }));
  return (
    <div className="space-y-5">
      <PageHeader
        title="Повістки"
        subtitle="Повістки ТЦК та СП, адресовані вам, і те, на якому вони етапі. Особі з бронюванням чи відстрочкою повістку не формують."
      />
      <Card>
        <CardTitle>Сповіщення</CardTitle>
        <NoticeAlertsToggle enabled={noticeSentAlerts} disclaimer={NOTICE_SENT_DISCLAIMER} />
      </Card>
      <Card>
        <CardTitle>Мої повістки</CardTitle>
        {notices.length === 0 ? (
          <div data-testid="no-notices">
            <EmptyState title="Повісток немає">Жодної повістки вам не сформовано.</EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-black/10" data-testid="my-notices">
            {notices.map((notice) => (
              <li key={notice.id} className="py-4">
                <NoticeCard notice={notice} linked />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
