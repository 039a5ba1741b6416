import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export default async function Page() {
  const actor = await requireActor(["CONSCRIPT"], "/me");
  return <PageHeader title="Мій військовий облік" subtitle={actor.fullName} />;
}
