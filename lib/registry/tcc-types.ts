// The ТЦК side of the registry: its centres, the register of one centre, the facts a notice is
// decided on. Dates are ISO calendar dates, as everywhere in lib/registry.
import type { ContactsUpdate, LiabilityType, RegistrationStatus, VlkReferral } from "./types";
import type { DbTx } from "@/lib/db/client";

export type TccRecord = { name: string; edrpou: string; region: string; address: string };

export const AGE_BANDS = ["18-24", "25-59", "60+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const PROTECTIONS = ["reserved", "deferred", "serving", "none"] as const;
export type Protection = (typeof PROTECTIONS)[number];

/** What the officer filters the register by; every field optional. */
export type TccRegisterFilter = {
  /** A full РНОКПП, or the start of a surname. */
  q?: string;
  status?: RegistrationStatus;
  category?: 1 | 2;
  ageBand?: AgeBand;
  dataUpdated?: boolean;
  wanted?: boolean;
  /** No ВЛК yet, or the last one more than a year ago. */
  vlkDue?: boolean;
  protection?: Protection;
};

/** One person of a ТЦК's register as the officer's list and the notice rules need them. */
export type TccRegisterRow = {
  rnokpp: string;
  fullName: string;
  birthDate: string;
  sex: "MALE" | "FEMALE";
  tcc: string;
  status: RegistrationStatus;
  liability: LiabilityType;
  category: number;
  dataUpdatedOn: string | null;
  wanted: boolean;
  vlkDate: string | null;
  vlkResult: string | null;
  /** The latest electronic referral to the ВЛК, if any. */
  vlkReferral: VlkReferral | null;
  deferment: string | null;
  defermentUntil: string | null;
  mobilisedOn: string | null;
  /** The reservation mark in force on the day read, at any employer. */
  reservation: { edrpou: string; untilDate: string } | null;
};

export type TccRegisterPage = { rows: TccRegisterRow[]; nextAfter: string | null };

/**
 * The registry's side of a person for the notice rules, whichever ТЦК they belong to:
 * `registration` is null for a person the registry knows who is not on the military register.
 */
export type NoticeFactsRow = {
  rnokpp: string;
  fullName: string;
  birthDate: string;
  sex: "MALE" | "FEMALE";
  registration: TccRegisterRow | null;
};

/** What a ТЦК officer records when a person updates (уточнює) their data at the ТЦК. */
export type MilitaryDataUpdate = ContactsUpdate & { rank: string | null; specialty: string | null };

export type DefermentGrant = { ground: string; until: string | null };

/** The ТЦК methods of the registry port (lib/registry/registry.ts extends it). */
export interface TccRegisterPort {
  findTcc(name: string): Promise<TccRecord | null>;
  /** One keyset page of a ТЦК's register, in РНОКПП order, after the given РНОКПП. */
  listTccRegister(
    tcc: string,
    filter: TccRegisterFilter,
    page: { after: string | null; limit: number; today: string },
  ): Promise<TccRegisterPage>;
  /** Everyone of a ТЦК's register who matches the filter (up to `limit`), for forming notices by filter. */
  findTccRegisterRnokpps(
    tcc: string,
    filter: TccRegisterFilter,
    options: { today: string; limit: number },
  ): Promise<string[]>;
  /** The facts the notice rules need, for these persons (any ТЦК; absent when not in the registry). */
  findNoticeFacts(rnokpps: readonly string[], today: string): Promise<Map<string, NoticeFactsRow>>;
  /** Records a deferment on the person's military registration. */
  grantDeferment(tx: DbTx, rnokpp: string, deferment: DefermentGrant): Promise<void>;
  /**
   * Puts the person on the ТЦК's wanted list (status «у розшуку») or takes them off it (back
   * on the register, the criminal-proceedings flag cleared with it). Returns false, writing
   * nothing, when the record already is so — two officers pressing at once change it once.
   */
  setWanted(tx: DbTx, rnokpp: string, wanted: boolean): Promise<boolean>;
  /** Records an electronic referral to the ВЛК (a new one replaces the previous). */
  referToVlk(tx: DbTx, rnokpp: string, referral: { at: Date; place: string }): Promise<void>;
  /** Records the person's updated data as the ТЦК took them, dated `today` (уточнення даних). */
  recordDataUpdate(tx: DbTx, rnokpp: string, update: MilitaryDataUpdate, today: string): Promise<void>;
}
