import { TrustListImport } from "@/components/admin/trust-list-import";
import { TrustListProviders } from "@/components/admin/trust-list-providers";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { formatDateTime } from "@/lib/format";
import { listTrustedProviders } from "@/lib/kep/trust-list/list-trusted-providers";
import { testProviderTrusted } from "@/lib/kep/trust-list/verification-trust";

export const metadata = { title: "Перелік надавачів" };

// The trust list of qualified providers: signatures are verified against these CAs (and, in
// demo mode only, against the portal's test КНЕДП).
export default async function Page() {
  const actor = await requireAdmin("/admin/trust-list");
  const ctx = createCtx({ actor });
  const { lastImport, providers } = await listTrustedProviders(ctx);
  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow="Адміністрування"
        title="Перелік кваліфікованих надавачів"
        subtitle="Сертифікати ЦСК, до яких портал будує ланцюжки сертифікатів підписувачів"
      />
      <Notice tone="info">
        {testProviderTrusted()
          ? "Демонстраційний режим: крім імпортованого переліку, довіряємо тестовому КНЕДП порталу."
          : "Виробничий режим: довіряємо лише сертифікатам з імпортованого переліку."}
      </Notice>
      <Card>
        <CardTitle>Імпорт переліку</CardTitle>
        <TrustListImport />
      </Card>
      <Card>
        <CardTitle>Чинний перелік</CardTitle>
        {lastImport ? (
          <p className="mb-3 text-sm text-muted" data-testid="trust-list-last-import">
            «{lastImport.fileName}» · {lastImport.certificateCount} сертифікатів · імпортовано{" "}
            {formatDateTime(lastImport.createdAt)}
          </p>
        ) : null}
        {providers.length === 0 ? (
          <EmptyState title="Перелік ще не імпортовано">
            Завантажте CACertificates.p7b Центрального засвідчувального органу.
          </EmptyState>
        ) : (
          <TrustListProviders providers={providers} now={ctx.now} />
        )}
      </Card>
    </div>
  );
}
