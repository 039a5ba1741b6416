import { ImportForm } from "@/components/ministry/import-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOfficial } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { loadActingAuthority } from "@/lib/enterprises/acting-authority";
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from "@/lib/enterprises/import-csv";

export const metadata = { title: "Імпорт рішень" };

export default async function Page() {
  const actor = await requireOfficial("/ministry/import");
  const authority = await loadActingAuthority(createCtx({ actor }), { permission: "decisions.read" });
  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <PageHeader
        eyebrow={authority.shortName}
        title="Імпорт рішень з CSV"
        subtitle={`До ${IMPORT_MAX_ROWS} рішень за раз. Спершу перевіряємо кожен рядок; зберігаємо лише весь файл разом, після підпису КЕП.`}
      />
      <Card>
        <ol className="list-decimal space-y-1 pl-5 text-[15px]">
          <li>
            Завантажте{" "}
            <a className="link" href="/ministry/import/template" download>
              шаблон CSV
            </a>{" "}
            і заповніть його (Excel: «Зберегти як → CSV UTF-8»).
          </li>
          <li>
            Оберіть файл: покажемо кожен рядок і його помилки. Нічого не зберігається, доки всі рядки не будуть
            правильними.
          </li>
          <li>Підпишіть увесь пакет одним підписом КЕП — рішення буде внесено разом, в одній транзакції.</li>
        </ol>
        <p className="mt-3 text-sm text-muted">
          Стовпці: {IMPORT_COLUMNS.map((c) => c.header).join(" · ")}. Дати — дд.мм.рррр.
        </p>
      </Card>
      <ImportForm officialRnokpp={actor.rnokpp ?? undefined} authorityEdrpou={authority.edrpou} />
    </div>
  );
}
