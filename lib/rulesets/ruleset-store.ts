import "server-only";
import { Prisma, type DbTx } from "@/lib/db/client";
import { isoDateToUtc, parseRuleset, RULESETS, toIsoDate, type Ruleset } from "@/lib/rules";
import { codeVersions, type LegalBasis } from "./code-versions";

// ruleset_versions as the domain reads it: every row's content parsed with the one schema (never
// cast), withdrawn ones left out. The code's versions are the floor: a database that was not
// seeded still answers with them.

export type StoredVersion = {
  ruleset: Ruleset;
  legalBasis: LegalBasis;
  source: "code" | "signed";
  basedOn: string | null;
  signerName: string | null;
  signedDocumentId: string | null;
  createdAt: Date | null;
};

export const RULESET_CHANNEL = "ruleset_versions";

export async function readStoredVersions(tx: DbTx): Promise<StoredVersion[]> {
  const rows = await tx.rulesetVersion.findMany({ where: { withdrawnAt: null }, orderBy: { effectiveFrom: "asc" } });
  const stored: StoredVersion[] = rows.map((row) => ({
    ruleset: parseRuleset(row.content),
    legalBasis: { act: row.legalAct, number: row.legalNumber, date: toIsoDate(row.legalDate) },
    source: row.source === "code" ? "code" : "signed",
    basedOn: row.basedOn,
    signerName: row.signerName,
    signedDocumentId: row.signedDocumentId,
    createdAt: row.createdAt,
  }));
  const known = new Set(stored.map((s) => s.ruleset.version));
  const missing = codeVersions()
    .filter((c) => !known.has(c.ruleset.version))
    .map((c): StoredVersion => ({
      ...c,
      source: "code",
      basedOn: null,
      signerName: null,
      signedDocumentId: null,
      createdAt: null,
    }));
  return [...missing, ...stored].sort((a, b) => (a.ruleset.effectiveFrom < b.ruleset.effectiveFrom ? -1 : 1));
}

/** The code's versions into the table (the seed and the test template); idempotent. */
export async function seedCodeRulesets(tx: DbTx): Promise<number> {
  let inserted = 0;
  for (const [index, { ruleset, legalBasis }] of codeVersions().entries()) {
    inserted += await tx.$executeRaw`
      INSERT INTO ruleset_versions (version, "effectiveFrom", title, "legalAct", "legalNumber", "legalDate", "basedOn", content, source)
      VALUES (${ruleset.version}, ${isoDateToUtc(ruleset.effectiveFrom)}::date, ${ruleset.title}, ${legalBasis.act}, ${legalBasis.number},
              ${isoDateToUtc(legalBasis.date)}::date, ${index > 0 ? RULESETS[index - 1]!.version : null}, ${JSON.stringify(ruleset)}::jsonb, 'code')
      ON CONFLICT (version) DO NOTHING`;
  }
  return inserted;
}

/** Tells every process to reload (delivered when the caller's transaction commits). */
export async function announceRulesetChange(tx: DbTx, version: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`SELECT pg_notify(${RULESET_CHANNEL}, ${version})`);
}
