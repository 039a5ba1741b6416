import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireTck } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { formatDateTime } from "@/lib/format";
import { listBatches } from "@/lib/notices/list-batches";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";

export const metadata = { title: "Повістки" };

export default async function Page() {
  const actor = await requireTck("/tck/notices");
  const { tcc, batches } = await listBatches(createCtx({ actor }));
  return (
    <div className="space-y-5">
      <PageHeader title="Повістки" subtitle={tcc.name} />
      <Card>
        {batches.length === 0 ? (
          <EmptyState title="Повісток ще не формували">Оберіть людей у реєстрі й сформуйте повістки.</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Сформовано</Th>
                <Th>Вид</Th>
                <Th>Явка</Th>
                <Th>Повісток</Th>
                <Th>Відмовлено</Th>
                <Th>Підпис</Th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <Td className="tabular">
                    <Link className="underline" href={`/tck/notices/${b.id}`}>
                      {formatDateTime(b.formedAt)}
                    </Link>
                  </Td>
                  <Td>{NOTICE_KIND_LABELS[b.kind]}</Td>
                  <Td className="tabular">{formatDateTime(b.appearAt)}</Td>
                  <Td className="tabular">{b._count.notices}</Td>
                  <Td className="tabular">{b._count.refusals}</Td>
                  <Td>{b.signedAt ? `${b.signerName}, ${formatDateTime(b.signedAt)}` : "очікує підпису начальника"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
