"use server";

import { ministryAction } from "@/lib/actions/action-client";
import { ZImportFile } from "@/lib/enterprises/assess-import";
import { importDecisions, ZImportDecisions } from "@/lib/enterprises/import-decisions";
import { previewImport } from "@/lib/enterprises/preview-import";

// The bulk import: a preview of every row (nothing saved), then the signed batch.

export const previewImportAction = ministryAction(ZImportFile, async (input, actor) => previewImport({ actor, file: input }));

export const importDecisionsAction = ministryAction(ZImportDecisions, async (input, actor) => {
  const { decisionIds } = await importDecisions({ actor, input });
  return { count: decisionIds.length };
});
