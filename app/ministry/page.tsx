import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export default async function Page() {
  const actor = await requireActor(["OFFICIAL"], "/ministry");
  return <PageHeader title="Кабінет органу влади" subtitle={actor.fullName} />;
}
