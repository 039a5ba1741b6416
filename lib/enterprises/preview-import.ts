import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { issueSigningNonce } from "./accept-official-signature";
import { loadActingAuthority } from "./acting-authority";
import { assessImport, ZImportFile, type ImportRowView } from "./assess-import";
import { buildImportDocument } from "./decision-documents";
import { kyivDate } from "@/lib/format";

// The import's preview: every row with its problems, nothing saved. Only a batch in which every
// row is valid comes back with a document to sign (the whole batch, one signature) and a nonce.

export type ImportPreview = {
  rows: ImportRowView[];
  fileProblems: string[];
  valid: boolean;
  prepared: { document: string; nonce: string; count: number } | null;
};

export async function previewImport(ctx: Ctx<"actor" | "db" | "now">, input: unknown): Promise<ImportPreview> {
  const client = ctx.db;
  const now = ctx.now;
  const file = parseInput(ZImportFile, input);
  return inTransaction(
    client,
    async (tx) => {
      const authority = await loadActingAuthority({ db: tx, actor: ctx.actor }, { permission: "decisions.write" });
      const assessment = await assessImport({ db: tx }, { authority, file, today: kyivDate(now) });
      let prepared: ImportPreview["prepared"] = null;
      if (assessment.valid) {
        const nonce = await issueSigningNonce({ db: tx, now }, { purpose: "import" });
        const bytes = buildImportDocument({ authority, decisions: assessment.decisions.map((d) => d.decision), nonce });
        prepared = { document: Buffer.from(bytes).toString("base64"), nonce, count: assessment.decisions.length };
      }
      return { rows: assessment.rows, fileProblems: assessment.fileProblems, valid: assessment.valid, prepared };
    },
    { timeout: 60_000 },
  );
}
