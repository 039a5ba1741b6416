"use server";

import { methodologyAction } from "@/lib/actions/action-client";
import { createCtx } from "@/lib/context-server";
import { computeRulesetWhatIf } from "@/lib/rulesets/compute-ruleset-what-if";
import { prepareRulesetVersion } from "@/lib/rulesets/prepare-ruleset-version";
import { ZRulesetDraft, ZSignRulesetVersion } from "@/lib/rulesets/schemas";
import { signRulesetVersion } from "@/lib/rulesets/sign-ruleset-version";

// The draft form's server actions: the diff and the document to sign, the what-if over the
// registry, and the signed version. Each hands its parsed input to one domain function.

export const prepareRulesetVersionAction = methodologyAction(ZRulesetDraft, async (input, actor) =>
  prepareRulesetVersion(createCtx({ actor }), input),
);

export const rulesetWhatIfAction = methodologyAction(ZRulesetDraft, async (input, actor) =>
  computeRulesetWhatIf(createCtx({ actor }), input),
);

export const signRulesetVersionAction = methodologyAction(ZSignRulesetVersion, async (input, actor) =>
  signRulesetVersion(createCtx({ actor }), input),
);
