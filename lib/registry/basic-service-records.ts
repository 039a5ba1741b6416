import type { DbTx } from "@/lib/db/client";

// The part of the Оберіг port that records basic military service: the outcome of a person's
// application as the recruitment centre answered it.

export type BasicServiceOutcome = {
  rnokpp: string;
  outcome: "ACCEPTED" | "DECLINED";
  centreName: string;
  specialty: string;
  on: string;
};

export type BasicServiceRecordEntry = BasicServiceOutcome & { id: string };

export interface BasicServiceRecords {
  /** Records the centre's answer to a basic-service application, in the portal's transaction. */
  recordBasicServiceOutcome(tx: DbTx, outcome: BasicServiceOutcome): Promise<void>;
  /** The person's recorded outcomes, the latest first. */
  findBasicServiceRecords(rnokpp: string): Promise<BasicServiceRecordEntry[]>;
}
