"use server";

import { companyAction } from "@/lib/actions/action-client";
import { issueApiToken, revokeApiToken, ZApiTokenName } from "@/lib/api-tokens";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

// Issue and revoke HR API tokens: the domain checks that the actor heads the enterprise.

export const issueTokenAction = companyAction(z.object({ name: ZApiTokenName }).strict(), async (input, actor) => {
  const issued = await issueApiToken(createCtx({ actor }), { name: input.name });
  return { id: issued.id, name: issued.name, prefix: issued.prefix, token: issued.token };
});

export const revokeTokenAction = companyAction(
  z.object({ tokenId: z.string().max(64) }).strict(),
  async (input, actor) => {
    const revoked = await revokeApiToken(createCtx({ actor }), { tokenId: input.tokenId });
    return { id: revoked.id };
  },
);
