import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthorityForm } from "@/components/admin/authority-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAuthorities } from "@/lib/admin/list-authorities";
import { listRegions } from "@/lib/admin/list-regions";
import { requireAdmin } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Орган влади" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdmin(`/admin/authorities/${id}`);
  const [authorities, regions] = await Promise.all([
    listAuthorities(createCtx({ actor })),
    listRegions(createCtx({ actor })),
  ]);
  const authority = authorities.find((a) => a.id === id);
  if (!authority) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        eyebrow={
          <Link className="link" href="/admin">
            ← Органи влади
          </Link>
        }
        title={authority.shortName}
        subtitle={authority.name}
      />
      <Card>
        <AuthorityForm
          regions={regions}
          initial={{
            id: authority.id,
            code: authority.code,
            edrpou: authority.edrpou,
            name: authority.name,
            shortName: authority.shortName,
            kind: authority.kind,
            region: authority.region,
            kvedSections: authority.kvedSections,
          }}
        />
      </Card>
    </div>
  );
}
