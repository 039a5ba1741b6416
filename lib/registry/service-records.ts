import type { DbTx } from "@/lib/db/client";

// The part of the Оберіг port that holds periods of military service: what the units reported
// (unit, dates, position) and whether each unit confirmed the person's participation in the
// defence for the period. Certificates of participation are issued from these facts.

export type ServicePeriodRecord = {
  id: string;
  rnokpp: string;
  unitCode: string;
  unitName: string;
  position: string;
  fromDate: string;
  /** null: still serving. */
  untilDate: string | null;
  /** Day the unit confirmed participation in the defence; null: not confirmed yet. */
  defenceConfirmedOn: string | null;
};

/** A period with the person's name, as a unit's list of its periods shows it. */
export type UnitServicePeriodRecord = ServicePeriodRecord & { fullName: string };

export type ServicePeriodCorrection = { fromDate: string; untilDate: string | null; position: string };

export interface ServiceRecords {
  /** The person's periods of service, oldest first. */
  findServicePeriods(rnokpp: string): Promise<ServicePeriodRecord[]>;
  /** One period by its id; null when the registry holds none. */
  findServicePeriod(id: string): Promise<ServicePeriodRecord | null>;
  /**
   * The periods one unit reported, by surname then start; `surname` narrows to surnames that
   * begin with it (any case). At most `take` rows.
   */
  listUnitServicePeriods(input: {
    unitCode: string;
    surname?: string;
    take: number;
  }): Promise<UnitServicePeriodRecord[]>;
  /** Confirms every unconfirmed period of this person in this unit; returns how many. */
  confirmServicePeriods(tx: DbTx, input: { rnokpp: string; unitCode: string; on: string }): Promise<number>;
  /** The unit corrects a period it reported (dates, position); its confirmation stays. */
  correctServicePeriod(tx: DbTx, id: string, correction: ServicePeriodCorrection): Promise<ServicePeriodRecord>;
}
