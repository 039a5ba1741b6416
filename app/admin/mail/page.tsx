import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/gate";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { listOutgoingEmails } from "@/lib/notifications/list-outgoing-emails";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Вихідна пошта" };

// The local preview of the mail the portal sends (demo and development portals only): without
// SMTP_URL every letter stays here; with it, this shows what went out and what failed.
export default async function Page() {
  const actor = await requireAdmin("/admin/mail");
  if (!env().DEMO_MODE) notFound();
  const letters = await listOutgoingEmails(createCtx({ actor }));
  const smtp = Boolean(env().SMTP_URL);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Вихідна пошта"
        subtitle={
          smtp
            ? "Листи надсилаються через SMTP; тут — останні 100."
            : "SMTP не налаштовано (змінна SMTP_URL): листи не надсилаються, їх видно лише тут."
        }
      />
      <Card>
        {letters.length === 0 ? (
          <EmptyState title="Листів ще немає">
            Сповіщення про рішення, анулювання та відгуки надходять сюди, якщо в реєстрі є e-mail адресата.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-line" data-testid="outgoing-mail">
            {letters.map((letter) => (
              <li key={letter.id} className="py-4">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{letter.to}</span>
                  {letter.sentAt ? (
                    <Badge tone="success">надіслано</Badge>
                  ) : letter.error && smtp ? (
                    <Badge tone="fail" title={letter.error}>
                      не надіслано
                    </Badge>
                  ) : letter.error ? (
                    <Badge tone="info">лише перегляд</Badge>
                  ) : (
                    <Badge tone="pending">у черзі</Badge>
                  )}
                  <span className="text-muted">{formatDateTime(letter.createdAt)}</span>
                </div>
                <p className="mt-1 font-medium">{letter.subject}</p>
                <pre className="mt-1 whitespace-pre-wrap font-sans text-[15px] text-muted">{letter.text}</pre>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
