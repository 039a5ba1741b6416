import { Card, CardTitle } from "@/components/ui/card";
import type { MyRecord } from "@/lib/citizen/get-my-record";
import { LIABILITY_INFO } from "@/lib/citizen/status-info";
import { formatDate, formatDateTime } from "@/lib/format";

function Fact({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <div className="grid gap-0.5 border-b border-line/70 py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-[15px]" data-testid={testId}>
        {value ?? "—"}
      </dd>
    </div>
  );
}

/** Everything the registry holds about the person, and where each part came from. */
export function RecordFacts({ record }: { record: MyRecord }) {
  const { person } = record;
  const m = person.military;
  return (
    <Card aria-labelledby="facts-title">
      <CardTitle>
        <span id="facts-title">Мої дані в реєстрі</span>
      </CardTitle>
      <dl>
        <Fact label="Прізвище, ім'я, по батькові" value={person.fullName} testId="record-name" />
        <Fact label="Дата народження" value={formatDate(person.birthDate)} />
        <Fact label="РНОКПП" value={person.rnokpp} testId="record-rnokpp" />
        <Fact label="Хто я на обліку" value={m ? LIABILITY_INFO[m.liability] : null} />
        <Fact label="ТЦК та СП" value={m?.tcc ?? null} />
        <Fact label="Дата взяття на облік" value={m ? formatDate(m.registeredOn) : null} />
        <Fact label="Категорія обліку" value={m ? String(m.category) : null} />
        <Fact label="Військове звання" value={m?.rank ?? "Немає"} />
        <Fact label="ВОС" value={m?.specialty ?? "Немає"} />
        <Fact
          label="ВЛК"
          value={
            m?.vlkDate || m?.vlkResult
              ? [m.vlkDate ? formatDate(m.vlkDate) : null, m.vlkResult].filter(Boolean).join(", ")
              : "Не пройдено"
          }
        />
        {m?.vlkReferral ? (
          <Fact
            label="Направлення на ВЛК"
            value={`${formatDateTime(new Date(m.vlkReferral.at))}, ${m.vlkReferral.place}`}
            testId="record-vlk-referral"
          />
        ) : null}
        <Fact
          label="Відстрочка"
          value={
            m?.deferment ? `${m.deferment}${m.defermentUntil ? `, до ${formatDate(m.defermentUntil)}` : ""}` : "Немає"
          }
        />
        <Fact label="Адреса проживання" value={person.address} />
        <Fact label="Телефон" value={person.phone} />
        <Fact label="Електронна пошта" value={person.email} />
      </dl>
      <h3 className="mt-5 text-sm font-semibold">Звідки ці дані</h3>
      <ul className="mt-2 space-y-1 text-sm text-muted">
        {record.sources.map((s) => (
          <li key={s.part}>
            <span className="text-ink">{s.part}:</span> {s.source}
            {s.updatedAt ? `, оновлено ${formatDateTime(new Date(s.updatedAt))}` : ""}
          </li>
        ))}
      </ul>
    </Card>
  );
}
