import Link from "next/link";
import {
  EnterprisesChart,
  MonthsChart,
  ReasonsChart,
  RegionsChart,
  UsageChart,
} from "@/components/ministry/dashboard-charts";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import { requireOfficial } from "@/lib/auth/gate";
import { getDashboard, type UsageBucket } from "@/lib/enterprises/get-dashboard";
import { getNoticeEffects } from "@/lib/notices/get-notice-effects";
import { formatDate, formatNumber, shortEnterpriseName } from "@/lib/format";
import { EXPIRING_WITHIN_DAYS, REASON_LABELS, type ReasonCode } from "@/lib/rules";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Аналітика" };

const USAGE_LABELS: Record<UsageBucket, string> = {
  NONE: "0 %",
  UNDER_50: "до 50 %",
  UNDER_80: "50–79 %",
  UNDER_100: "80–99 %",
  FULL: "100 %",
  OVER: "понад ліміт",
};

export default async function Page() {
  const actor = await requireOfficial("/ministry/dashboard");
  const [d, notices] = await Promise.all([
    getDashboard(createCtx({ actor, readOnly: true })),
    getNoticeEffects(createCtx({ actor })),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Аналітика"
        subtitle={`Станом на ${formatDate(d.today)}: підприємства з чинними рішеннями вашого органу й бронювання з реєстру «Оберіг»`}
      />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="dashboard-totals">
        <Stat label="Критичних підприємств" value={formatNumber(d.totals.enterprises)} />
        <Stat label="Чинних бронювань" value={formatNumber(d.totals.reservations)} />
        <Stat label="Сумарний ліміт" value={formatNumber(d.totals.limit)} />
        <Stat label={`Спливають за ${EXPIRING_WITHIN_DAYS} днів`} value={formatNumber(d.totals.expiringSoon)} />
        <Stat label="Ще не набрали чинності" value={formatNumber(d.totals.pending)} />
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardTitle>Бронювання за підприємствами (найбільші)</CardTitle>
          {d.byEnterprise.length ? <EnterprisesChart data={d.byEnterprise} /> : <EmptyState title="Немає даних" />}
        </Card>
        <Card>
          <CardTitle>За регіонами</CardTitle>
          {d.byRegion.length ? <RegionsChart data={d.byRegion} /> : <EmptyState title="Немає даних" />}
        </Card>
        <Card>
          <CardTitle>Нові бронювання за місяцями</CardTitle>
          <MonthsChart data={d.byMonth} />
        </Card>
        <Card>
          <CardTitle>Використання ліміту</CardTitle>
          <UsageChart data={d.limitUsage.map((u) => ({ label: USAGE_LABELS[u.bucket], enterprises: u.enterprises }))} />
        </Card>
        <Card className="lg:col-span-2">
          <CardTitle>Причини відмов (за 12 місяців)</CardTitle>
          {d.refusalReasons.length ? (
            <ReasonsChart
              data={d.refusalReasons.map((r) => ({
                label: REASON_LABELS[r.reason as ReasonCode] ?? r.reason,
                count: r.count,
              }))}
            />
          ) : (
            <EmptyState title="Відмов не було" />
          )}
        </Card>
      </div>
      <Card>
        <CardTitle>Повістки ТЦК та СП {notices.scope === "REGION" ? `(${notices.region})` : "(уся країна)"}</CardTitle>
        <p className="mb-3 text-sm text-muted">
          Скільки разів бронювання захистило людину: у момент формування повістки або після нього.
        </p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-notices">
          <Stat label="Сформовано повісток" value={formatNumber(notices.formed)} />
          <Stat
            label="Відмовлено через бронювання"
            value={formatNumber(notices.refusedReserved)}
            hint={`усього відмов через захист законом: ${formatNumber(notices.refused)}`}
          />
          <Stat
            label="Відкликано після бронювання"
            value={formatNumber(notices.withdrawnReserved)}
            hint={`після відстрочки: ${formatNumber(notices.withdrawnDeferred)}`}
          />
          <Stat label="Вручено" value={formatNumber(notices.delivered)} />
        </div>
      </Card>
      <Card>
        <CardTitle>Рішення, що спливають протягом {EXPIRING_WITHIN_DAYS} днів</CardTitle>
        {d.expiring.length === 0 ? (
          <EmptyState title="Таких рішень немає" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Підприємство</Th>
                <Th>Рішення</Th>
                <Th>Діє до</Th>
                <Th className="text-right">Заброньовано / ліміт</Th>
              </tr>
            </thead>
            <tbody>
              {d.expiring.map((e) => (
                <tr key={e.id}>
                  <Td>
                    <Link className="link" href={`/ministry/decisions/${e.id}`}>
                      {shortEnterpriseName(e.name)}
                    </Link>
                    <p className="tabular text-xs text-muted">ЄДРПОУ {e.edrpou}</p>
                  </Td>
                  <Td>№ {e.number}</Td>
                  <Td className="tabular">{formatDate(e.effectiveUntil)}</Td>
                  <Td className="tabular text-right">
                    {formatNumber(e.reserved)} / {formatNumber(e.limit)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
