import "server-only";
import type { Registry } from "@/lib/registry";
import { toIsoDate } from "@/lib/rules";
import { evaluateEvod, type EvodVerdict } from "./evaluate-evod";
import { readEvodFacts } from "./read-evod-facts";
import { hashEvodSnapshot, type EvodSnapshot } from "./snapshot";

export type StoredEvod = {
  code: string;
  rnokpp: string;
  issuedAt: Date;
  validUntil: Date;
  snapshot: unknown;
  snapshotHash: string;
  revokedAt: Date | null;
};

export type CheckedEvod = {
  code: string;
  issuedAt: Date;
  validUntil: string;
  snapshot: EvodSnapshot;
  verdict: EvodVerdict;
};

export const EVOD_SELECT = {
  code: true,
  rnokpp: true,
  issuedAt: true,
  validUntil: true,
  snapshot: true,
  snapshotHash: true,
  revokedAt: true,
} as const;

/** A stored еВОД against the registry as it is today. */
export async function checkEvod(registry: Registry, stored: StoredEvod, today: string): Promise<CheckedEvod> {
  // The snapshot is the portal's own JSON, written by issueEvod: its shape is known.
  const snapshot = stored.snapshot as EvodSnapshot;
  const validUntil = toIsoDate(stored.validUntil);
  const facts = await readEvodFacts(registry, stored.rnokpp, today);
  const verdict = evaluateEvod({
    document: { snapshot, snapshotHash: stored.snapshotHash, validUntil, revokedAt: stored.revokedAt },
    currentHash: facts ? hashEvodSnapshot(facts.snapshot) : null,
    marks: facts?.marks ?? [],
    today,
  });
  return { code: stored.code, issuedAt: stored.issuedAt, validUntil, snapshot, verdict };
}
