"use server";

import { adminAction } from "@/lib/actions/action-client";
import { addOfficial } from "@/lib/admin/add-official";
import { createAuthority } from "@/lib/admin/create-authority";
import { issueOfficialTestKey } from "@/lib/admin/issue-official-test-key";
import {
  ZAddOfficial,
  ZCreateAuthority,
  ZOfficialMembership,
  ZUpdateAuthority,
  ZWithdrawOfficial,
} from "@/lib/admin/schemas";
import { updateAuthority } from "@/lib/admin/update-authority";
import { withdrawOfficial } from "@/lib/admin/withdraw-official";
import { createCtx } from "@/lib/context-server";

// The administrator's server actions; each hands its parsed input to one domain function.

export const createAuthorityAction = adminAction(ZCreateAuthority, async (input, actor) =>
  createAuthority(createCtx({ actor }), input),
);

export const updateAuthorityAction = adminAction(ZUpdateAuthority, async (input, actor) =>
  updateAuthority(createCtx({ actor }), input),
);

export const addOfficialAction = adminAction(ZAddOfficial, async (input, actor) => {
  const added = await addOfficial(createCtx({ actor }), input);
  return { membershipId: added.membershipId, totp: added.totp };
});

export const withdrawOfficialAction = adminAction(ZWithdrawOfficial, async (input, actor) =>
  withdrawOfficial(createCtx({ actor }), input),
);

export const issueOfficialTestKeyAction = adminAction(ZOfficialMembership, async (input, actor) =>
  issueOfficialTestKey(createCtx({ actor }), input),
);
