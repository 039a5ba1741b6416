"use server";

import { ministryAction } from "@/lib/actions/action-client";
import { ZImportFile } from "@/lib/enterprises/assess-import";
import { importDecisions, ZImportDecisions } from "@/lib/enterprises/import-decisions";
import { previewImport } from "@/lib/enterprises/preview-import";
import { createCtx } from "@/lib/context-server";

// The bulk import: a preview of every row (nothing saved), then the signed batch.

export const previewImportAction = ministryAction(ZImportFile, async (input, actor) =>
  previewImport(createCtx({ actor }), input),
);

export const importDecisionsAction = ministryAction(ZImportDecisions, async (input, actor) => {
  const { decisionIds } = await importDecisions(createCtx({ actor }), input);
  return { count: decisionIds.length };
});
