import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export default async function Page() {
  const actor = await requireActor(["ENTERPRISE_HEAD", "AUTHORIZED_PERSON"], "/company");
  return <PageHeader title="Кабінет підприємства" subtitle={actor.fullName} />;
}
