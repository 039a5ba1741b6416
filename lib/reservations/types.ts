import type { Kopiykas } from "@/lib/format";
import type { IsoDate } from "@/lib/rules";

// Shapes the lifecycle hands to pages and to the HR API. Codes for machines, messages (the
// spec's Ukrainian words with their figures) for people; dates "YYYY-MM-DD", money kopiykas.

export type ReasonView = { code: string; message: string };

export type LimitFigures = { total: number; used: number; available: number };

/** One employee of a draft: what the decision is expected to say if nothing changes. */
export type PrecheckItem = {
  /** 1-based, in the order the head listed them (the limit follows it). */
  position: number;
  rnokpp: string;
  /** From the registry; null when the registry does not know the person. */
  fullName: string | null;
  /** The salary the head confirms by signing (their figure, else the registry's). */
  salary: Kopiykas | null;
  eligible: boolean;
  reasons: ReasonView[];
  reservedFrom: IsoDate | null;
  reservedUntil: IsoDate | null;
  /** Re-submission inside the extension window: replaces the current reservation. */
  extension: boolean;
  /** Reserved under the 45-day exception (Law 4630-IX). */
  exception45: boolean;
};

export type AnnulmentPrecheckItem = {
  position: number;
  rnokpp: string;
  fullName: string | null;
  /** Will be annulled (has an active reservation here). */
  annul: boolean;
  reasons: ReasonView[];
  reservedUntil: IsoDate | null;
};

export type DraftSummary = {
  draftId: string;
  /** The exact bytes to sign (canonical JSON, RFC 8785). */
  document: Uint8Array;
  expiresAt: Date;
  /** The day the pre-check was made for (Kyiv). */
  date: IsoDate;
  rulesetVersion: string;
};

export type ReservationDraft = DraftSummary & { precheck: PrecheckItem[]; limit: LimitFigures };

export type AnnulmentDraft = DraftSummary & { ground: string; precheck: AnnulmentPrecheckItem[] };
