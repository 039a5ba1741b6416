import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "@/lib/zod";
import { acceptOfficialSignature, lockEnterpriseForGrant } from "./accept-official-signature";
import { loadActingAuthority } from "./acting-authority";
import { assessImport, ZImportFile } from "./assess-import";
import { buildImportDocument } from "./decision-documents";
import { parseImportCsv } from "./import-csv";
import { recordGrantedDecision } from "./grant-decision";
import { ZSignedPart } from "./schemas";
import { kyivDate } from "@/lib/format";

// The signed batch: in ONE transaction the file is checked again row by row on today's data
// (every enterprise locked first), the one signature is verified over the rebuilt batch, and
// every decision is written with its event, audit row and the head's notice. Any problem in
// any row, or in the signature, rolls back the lot: nothing is half-imported.

export const ZImportDecisions = z.object({ file: ZImportFile, ...ZSignedPart }).strict();

export async function importDecisions(
  ctx: Ctx<"actor" | "db" | "now">,
  input: unknown,
): Promise<{ decisionIds: string[]; signedDocumentId: string }> {
  const client = ctx.db;
  const now = ctx.now;
  const { file, nonce, signature } = parseInput(ZImportDecisions, input);
  return inTransaction(
    client,
    async (tx) => {
      const authority = await loadActingAuthority({ db: tx, actor: ctx.actor }, { permission: "decisions.write" });
      await lockEnterpriseForGrant(
        tx,
        parseImportCsv(file.text).rows.map((r) => String(r.values.edrpou)),
      );
      const assessment = await assessImport({ db: tx }, { authority, file, today: kyivDate(now) });
      if (!assessment.valid) {
        throw new AppError(
          "VALIDATION_FAILED",
          "Файл містить помилки: перевірте попередній перегляд і завантажте виправлений файл",
          {
            details: {
              rows: assessment.rows.filter((r) => Object.keys(r.problems).length > 0),
              fileProblems: assessment.fileProblems,
            },
          },
        );
      }
      const decisions = assessment.decisions.map((d) => d.decision);
      const signed = await acceptOfficialSignature(
        { db: tx, now },
        {
          authority,
          kind: "DECISION_IMPORT",
          purpose: "import",
          content: buildImportDocument({ authority, decisions, nonce }),
          signatureBase64: signature,
          nonce,
        },
      );
      const decisionIds: string[] = [];
      for (const { decision, enterprise } of assessment.decisions) {
        decisionIds.push(
          await recordGrantedDecision(
            { db: tx, actor: ctx.actor },
            {
              authority,
              decision,
              signedDocumentId: signed.id,
              headRnokpp: enterprise.headRnokpp,
              imported: true,
            },
          ),
        );
      }
      await writeAudit(tx, {
        actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
        action: "decisions.import",
        entityType: "SignedDocument",
        entityId: signed.id,
        authorityId: authority.id,
        details: { fileName: file.name, count: decisionIds.length },
        signedDocumentId: signed.id,
      });
      return { decisionIds, signedDocumentId: signed.id };
    },
    { timeout: 120_000 },
  );
}
