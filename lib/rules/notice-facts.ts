import type { IsoDate } from "./calendar";
import type { LiabilityType, RegistrationStatus } from "./enums";

export const NOTICE_KINDS = ["CLARIFY_DATA", "VLK", "MOBILISATION"] as const;
export type NoticeKindCode = (typeof NOTICE_KINDS)[number];

/** A person as the registry shows them at the moment a notice is formed. */
export type NoticePersonFacts = {
  rnokpp: string;
  sex: "MALE" | "FEMALE";
  birthDate: IsoDate;
  military: {
    status: RegistrationStatus;
    liability: LiabilityType;
    deferment: string | null;
    /** Last day of the deferment; null with a ground means "no end date". */
    defermentUntil: IsoDate | null;
    /** Called up and serving since this day; null when not serving. */
    mobilisedOn: IsoDate | null;
  } | null;
  /** The reservation mark in force (any employer), if any. */
  reservation: { edrpou: string; untilDate: IsoDate } | null;
};

export type NoticeRequest = { kind: NoticeKindCode; today: IsoDate; appearOn: IsoDate };
