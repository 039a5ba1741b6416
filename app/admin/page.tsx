import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export default async function Page() {
  const actor = await requireActor(["ADMIN"], "/admin");
  return <PageHeader title="Адміністрування" subtitle={actor.fullName} />;
}
