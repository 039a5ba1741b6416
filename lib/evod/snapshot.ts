import "server-only";
import { createHash } from "node:crypto";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import type { PersonRecord } from "@/lib/registry";

// What an еВОД shows, frozen at issue. A check rebuilds the same structure from the registry
// and compares hashes of their canonical JSON (RFC 8785): any fact the document shows that
// the registry no longer holds makes the document invalid.

export const EVOD_SNAPSHOT_VERSION = 1;

export type EvodReservation = {
  markId: string;
  edrpou: string;
  enterpriseName: string;
  fromDate: string;
  untilDate: string;
};

export type EvodSnapshot = {
  version: typeof EVOD_SNAPSHOT_VERSION;
  person: {
    lastName: string;
    firstName: string;
    patronymic: string | null;
    birthDate: string;
    rnokpp: string;
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  military: {
    status: string;
    liability: string;
    category: number;
    tcc: string;
    registeredOn: string;
    rank: string | null;
    specialty: string | null;
    vlkDate: string | null;
    vlkResult: string | null;
    deferment: string | null;
    defermentUntil: string | null;
    dataUpdatedOn: string | null;
  } | null;
  reservation: EvodReservation | null;
};

export function buildEvodSnapshot(person: PersonRecord, reservation: EvodReservation | null): EvodSnapshot {
  const m = person.military;
  return {
    version: EVOD_SNAPSHOT_VERSION,
    person: {
      lastName: person.lastName,
      firstName: person.firstName,
      patronymic: person.patronymic,
      birthDate: person.birthDate,
      rnokpp: person.rnokpp,
      address: person.address,
      phone: person.phone,
      email: person.email,
    },
    military: m
      ? {
          status: m.status,
          liability: m.liability,
          category: m.category,
          tcc: m.tcc,
          registeredOn: m.registeredOn,
          rank: m.rank,
          specialty: m.specialty,
          vlkDate: m.vlkDate,
          vlkResult: m.vlkResult,
          deferment: m.deferment,
          defermentUntil: m.defermentUntil,
          dataUpdatedOn: m.dataUpdatedOn,
        }
      : null,
    reservation,
  };
}

export function hashEvodSnapshot(snapshot: EvodSnapshot): string {
  return createHash("sha256").update(canonicalJsonBytes(snapshot)).digest("hex");
}
