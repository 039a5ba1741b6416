"use server";

import {
  grantAuthorization,
  prepareAuthorizationGrant,
  prepareAuthorizationWithdrawal,
  withdrawAuthorization,
} from "@/lib/authorizations";
import { companyAction } from "@/lib/actions/action-client";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

// The authorizations page's signed acts. The input is passed on raw (parsed here as an object
// only): the domain parses it with its own schemas, which the form also runs in the browser.

const ZAny = z.record(z.string(), z.unknown());

export const prepareGrantAction = companyAction(ZAny, (input, actor) =>
  prepareAuthorizationGrant(createCtx({ actor }), input),
);
export const grantAction = companyAction(ZAny, (input, actor) => grantAuthorization(createCtx({ actor }), input));
export const prepareWithdrawalAction = companyAction(ZAny, (input, actor) =>
  prepareAuthorizationWithdrawal(createCtx({ actor }), input),
);
export const withdrawAction = companyAction(ZAny, (input, actor) => withdrawAuthorization(createCtx({ actor }), input));
