import "server-only";
import type { Ctx } from "@/lib/context";
import { getDraft, type DraftView } from "@/lib/reservations/get-draft";
import { getWizardContext, type WizardContext } from "./get-wizard-context";

// Steps 3 and 4 read the draft and the wizard's context (who signs, whether the enterprise is
// critical today) together.

export async function getDraftPage(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { draftId: string },
): Promise<{ draft: DraftView; context: WizardContext }> {
  const [draft, context] = await Promise.all([getDraft(ctx, input), getWizardContext(ctx)]);
  return { draft, context };
}
