import Link from "next/link";
import { AuthorityForm } from "@/components/admin/authority-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuthorities } from "@/lib/admin/list-authorities";
import { listRegions } from "@/lib/admin/list-regions";
import { AUTHORITY_KIND_LABELS } from "@/lib/admin/schemas";
import { requireAdmin } from "@/lib/auth/gate";
import { formatNumber } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Органи влади" };

export default async function Page() {
  const actor = await requireAdmin("/admin");
  const [authorities, regions] = await Promise.all([
    listAuthorities(createCtx({ actor })),
    listRegions(createCtx({ actor })),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow="Адміністрування"
        title="Органи влади"
        subtitle="Міністерства та обласні військові адміністрації, що ухвалюють рішення про критичність підприємств"
      />
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>Орган</Th>
              <Th>Вид</Th>
              <Th>Сфера рішень</Th>
              <Th className="text-right">Посадових осіб</Th>
              <Th className="text-right">Рішень</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {authorities.map((a) => (
              <tr key={a.id} data-testid="authority-row">
                <Td>
                  <p className="font-medium">{a.shortName}</p>
                  <p className="text-xs text-muted">
                    {a.name} · ЄДРПОУ {a.edrpou}
                  </p>
                </Td>
                <Td>
                  <Badge tone={a.kind === "MINISTRY" ? "info" : "neutral"}>{AUTHORITY_KIND_LABELS[a.kind]}</Badge>
                </Td>
                <Td className="text-sm">
                  {a.region ? <p>Регіон: {a.region}</p> : null}
                  <p>
                    {a.kvedSections.length
                      ? `Секції КВЕД: ${a.kvedSections.join(", ")}`
                      : a.region
                        ? "Усі галузі регіону"
                        : "Усі галузі"}
                  </p>
                </Td>
                <Td className="tabular text-right">
                  <Link className="link" href={`/admin/officials?authority=${a.id}`}>
                    {formatNumber(a.officials)}
                  </Link>
                </Td>
                <Td className="tabular text-right">{formatNumber(a.decisions)}</Td>
                <Td>
                  <Link className="link text-sm" href={`/admin/authorities/${a.id}`}>
                    Змінити
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card>
        <CardTitle>Новий орган влади</CardTitle>
        <AuthorityForm regions={regions} />
      </Card>
    </div>
  );
}
