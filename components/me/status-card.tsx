import { Badge } from "@/components/ui/badge";
import type { MyRecord } from "@/lib/citizen/get-my-record";
import { formatDate } from "@/lib/format";

/** The registry status as Резерв+ shows it: a coloured chip, a red ribbon when wanted, and what it means. */
export function StatusCard({ record }: { record: MyRecord }) {
  const { status, dataUpdate, person } = record;
  return (
    <section aria-labelledby="status-title" className="card overflow-hidden p-0 sm:p-0">
      {status?.ribbon ? (
        <p
          className="bg-chip-fail px-5 py-2 text-center text-sm font-bold tracking-wide text-white uppercase"
          data-testid="status-ribbon"
        >
          {status.label}
        </p>
      ) : null}
      <div className="p-5 sm:p-6">
        <h2 id="status-title" className="text-sm text-muted">
          Статус у реєстрі «Оберіг»
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {status ? (
            <Badge tone={status.tone} className="px-3 py-1 text-sm">
              <span data-testid="registration-status">{status.label}</span>
            </Badge>
          ) : (
            <Badge tone="neutral">Не перебуває на обліку</Badge>
          )}
          {dataUpdate ? (
            <Badge tone={dataUpdate.tone}>
              {dataUpdate.upToDate ? "✓ " : ""}
              {dataUpdate.label}
            </Badge>
          ) : null}
        </div>
        {status ? <p className="mt-3 text-[15px]">{status.explanation}</p> : null}
        {person.military?.dataUpdatedOn ? (
          <p className="mt-2 text-sm text-muted">Дані уточнено {formatDate(person.military.dataUpdatedOn)}</p>
        ) : (
          <p className="mt-2 text-sm text-muted">
            Ви ще не уточнювали військово-облікові дані. Оновіть контакти — це і є уточнення.
          </p>
        )}
      </div>
    </section>
  );
}
