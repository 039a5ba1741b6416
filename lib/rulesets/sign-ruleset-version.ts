import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { writeAudit } from "@/lib/audit/write-audit";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { kepError } from "@/lib/kep/errors";
import { isoDateToUtc, type Ruleset } from "@/lib/rules";
import { assessRulesetDraft } from "./assess-ruleset-draft";
import type { RulesetCtx } from "./ctx";
import { loadMethodologist } from "./load-methodologist";
import { RULESET_NONCE_PURPOSE } from "./prepare-ruleset-version";
import { refreshRulesets } from "./ruleset-cache";
import { buildRulesetDocument } from "./ruleset-document";
import { announceRulesetChange } from "./ruleset-store";
import { ZSignRulesetVersion } from "./schemas";

// Step two: in one transaction, versions serialised by a lock, the draft is assessed again on
// today's versions, the КЕП signature is verified over the rebuilt document (a methodologist of
// the Ministry of Economy, with a key issued for its ЄДРПОУ; the nonce consumed), and the
// version, the withdrawal of the one it replaces, the signed document and the audit row are
// written; the NOTIFY goes out on commit and every process reloads its rules.

export async function signRulesetVersion(
  ctx: RulesetCtx,
  input: unknown,
): Promise<{ version: string; effectiveFrom: string; ruleset: Ruleset }> {
  const { draft, nonce, signature } = parseInput(ZSignRulesetVersion, input);
  const signatureBytes = Uint8Array.from(Buffer.from(signature, "base64"));
  if (signatureBytes.length === 0) throw kepError("SIGNATURE_MALFORMED");
  const result = await inTransaction(
    ctx.db,
    async (tx) => {
      const { actor, authority } = await loadMethodologist(
        { db: tx, actor: ctx.actor },
        { permission: "rulesets.sign" },
      );
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ruleset-versions'))`;
      const { next, diff, current, replaced } = await assessRulesetDraft(
        { db: tx },
        { draft, today: kyivDate(ctx.now) },
      );
      const replaces = replaced?.ruleset.version ?? null;
      const signed = await acceptSignedDocument(
        { db: tx, now: ctx.now },
        {
          kind: "RULESET_VERSION",
          content: buildRulesetDocument({
            authority,
            ruleset: next,
            legalBasis: draft.legalBasis,
            basedOn: current.ruleset.version,
            replaces,
            diff,
            nonce,
          }),
          signature: signatureBytes,
          authorityId: authority.id,
          nonce: { value: nonce, purpose: RULESET_NONCE_PURPOSE },
          signer: { role: "METHODOLOGIST", authority },
        },
      );
      if (replaced)
        await tx.rulesetVersion.update({
          where: { version: replaced.ruleset.version },
          data: { withdrawnAt: ctx.now },
        });
      await tx.rulesetVersion.create({
        data: {
          version: next.version,
          effectiveFrom: isoDateToUtc(next.effectiveFrom),
          title: next.title,
          legalAct: draft.legalBasis.act,
          legalNumber: draft.legalBasis.number,
          legalDate: isoDateToUtc(draft.legalBasis.date),
          basedOn: current.ruleset.version,
          content: JSON.parse(JSON.stringify(next)),
          source: "signed",
          signedDocumentId: signed.id,
          signerRnokpp: signed.signer.rnokpp,
          signerName: signed.signer.fullName,
          createdByUserId: actor.userId,
          createdAt: ctx.now,
        },
      });
      await writeAudit(tx, {
        actor: { rnokpp: actor.rnokpp, role: actor.role },
        action: "ruleset.signed",
        entityType: "RulesetVersion",
        entityId: next.version,
        authorityId: authority.id,
        signedDocumentId: signed.id,
        details: {
          effectiveFrom: next.effectiveFrom,
          basedOn: current.ruleset.version,
          replaces,
          changes: diff.map((d) => d.path),
        },
      });
      await announceRulesetChange(tx, next.version);
      return { version: next.version, effectiveFrom: next.effectiveFrom, ruleset: next };
    },
    { timeout: 30_000 },
  );
  // This process need not wait for its own NOTIFY.
  await refreshRulesets(ctx.db);
  return result;
}
