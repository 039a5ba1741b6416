import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export default async function Page() {
  const actor = await requireActor(["RECRUITER"], "/unit");
  return <PageHeader title="Кабінет військової частини" subtitle={actor.fullName} />;
}
