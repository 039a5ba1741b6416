"use server";

import { adminAction } from "@/lib/actions/action-client";
import { createCtx } from "@/lib/context-server";
import { importTrustList } from "@/lib/kep/trust-list/import-trust-list";
import { previewTrustList } from "@/lib/kep/trust-list/preview-trust-list";
import { ZTrustListUpload } from "@/lib/kep/trust-list/schemas";

// The trust list's server actions: the upload is parsed with zod here, the bundle in the domain.

export const previewTrustListAction = adminAction(ZTrustListUpload, async (input, actor) =>
  previewTrustList(createCtx({ actor }), input),
);

export const importTrustListAction = adminAction(ZTrustListUpload, async (input, actor) =>
  importTrustList(createCtx({ actor }), input),
);
