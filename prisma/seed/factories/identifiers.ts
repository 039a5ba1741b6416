import { randomInt } from "node:crypto";
import { generateEdrpou, rnokppCheckDigit } from "@/lib/identifiers";

// Identifiers for test fixtures that never collide with the demo seed: РНОКПП serials 500–999
// and ЄДРПОУ 5xxxxxxx are ranges the seed's generators never produce.

export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const EPOCH_UTC = Date.UTC(1899, 11, 31);
// Each process starts at a random place: fixtures written by separate processes into one database
// (the browser tests' fixture scripts, one process a call) collide only when their runs overlap.
// Over 400,000 places, some of the e2e suite's fixture runs did, and a person's РНОКПП was taken;
// the default birth dates and serials below give 12,500,000 distinct people (5,000 days × 2,500).
let sequence = randomInt(0, 12_000_000);

/** A number unique in this process (codes, names, e-mails of fixtures). */
export function nextSequence(): number {
  return sequence++;
}

/** Peeks at the next number without taking it (default birth dates follow it). */
export function peekSequence(): number {
  return sequence;
}

/**
 * A valid РНОКПП for this birth date and sex. Unique in this process for up to 2,500 people of
 * one birth date and sex (the default birth dates spread people so that this never binds).
 */
export function nextRnokpp(birthDate: string, sex: "MALE" | "FEMALE"): string {
  const n = nextSequence() % 2_500;
  const days = Math.round((day(birthDate).getTime() - EPOCH_UTC) / 86_400_000);
  const serial = 500 + (n % 500);
  const sexDigit = (sex === "MALE" ? 1 : 0) + 2 * Math.floor(n / 500);
  const firstNine = `${String(days).padStart(5, "0")}${serial}${sexDigit}`;
  return `${firstNine}${rnokppCheckDigit(firstNine)}`;
}

/** A valid ЄДРПОУ in the 5xxxxxxx range, unique in this process. */
export function nextEdrpou(): string {
  return generateEdrpou(5_000_000 + (nextSequence() % 1_000_000));
}
