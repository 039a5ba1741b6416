"use server";

import { conscriptAction } from "@/lib/actions/action-client";
import { requestCertificate } from "@/lib/certificates/request-certificate";
import { ZRequestCertificateInput } from "@/lib/certificates/schemas";
import { createCtx } from "@/lib/context-server";

// The citizen asks for a certificate: one domain call; the answer says issued or routed.
export const requestCertificateAction = conscriptAction(ZRequestCertificateInput, async (input, actor) =>
  requestCertificate(createCtx({ actor, now: new Date() }), input),
);
