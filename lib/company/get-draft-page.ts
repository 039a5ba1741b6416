import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDraft, type DraftView } from "./get-draft";
import { getWizardContext, type WizardContext } from "./get-wizard-context";

// Steps 3 and 4 read the draft and the wizard's context (who signs, whether the enterprise is
// critical today) together.

export async function getDraftPage(options: { actor: Actor; draftId: string; now?: Date }): Promise<{ draft: DraftView; context: WizardContext }> {
  const [draft, context] = await Promise.all([getDraft(options), getWizardContext(options)]);
  return { draft, context };
}
