import { kopiykasToDecimal, type Kopiykas } from "@/lib/format";
import { canonicalJsonBytes, type JsonValue } from "@/lib/kep/canonical-json";
import { annulmentGroundLabel, type AnnulmentGroundCode, type IsoDate } from "@/lib/rules";

// What the head signs: the application as RFC 8785 canonical JSON, so the server can store the
// exact bytes and check the signature's digest against them. It names everything the decision
// depends on and that a reader of the signed file needs — who, which enterprise, under which
// decision, which employees in which order (the limit follows it) at which salary — plus a
// one-time server nonce, so that a signature covers this one submission only.

export const RESERVATION_DOCUMENT_TYPE = "bronya.reservation-application";
export const ANNULMENT_DOCUMENT_TYPE = "bronya.annulment-application";
export const DOCUMENT_VERSION = 1;

type Person = { rnokpp: string; fullName: string };
type DecisionRef = { number: string; authority: string; decidedOn: IsoDate } | null;

export type ReservationDocumentInput = {
  edrpou: string;
  enterpriseName: string;
  decision: DecisionRef;
  employees: ReadonlyArray<{ rnokpp: string; fullName: string | null; salary: Kopiykas | null }>;
  rulesetVersion: string;
  precheckDate: IsoDate;
  preparedBy: Person;
  nonce: string;
  createdAt: Date;
};

export function reservationDocument(input: ReservationDocumentInput): Uint8Array {
  const document: JsonValue = {
    type: RESERVATION_DOCUMENT_TYPE,
    version: DOCUMENT_VERSION,
    title: "Заява про бронювання військовозобов'язаних працівників",
    enterprise: { edrpou: input.edrpou, name: input.enterpriseName },
    decision: input.decision,
    employees: input.employees.map((e, index) => ({
      position: index + 1,
      rnokpp: e.rnokpp,
      fullName: e.fullName,
      // Hryvnias as a decimal string: what the head confirmed, with no float in between.
      salary: e.salary === null ? null : kopiykasToDecimal(e.salary),
    })),
    employeeCount: input.employees.length,
    ruleset: input.rulesetVersion,
    precheckDate: input.precheckDate,
    preparedBy: input.preparedBy,
    nonce: input.nonce,
    createdAt: input.createdAt.toISOString(),
  };
  return canonicalJsonBytes(document);
}

export type AnnulmentDocumentInput = {
  edrpou: string;
  enterpriseName: string;
  ground: AnnulmentGroundCode;
  employees: ReadonlyArray<{ rnokpp: string; fullName: string | null; reservedUntil: IsoDate | null }>;
  rulesetVersion: string;
  precheckDate: IsoDate;
  preparedBy: Person;
  nonce: string;
  createdAt: Date;
};

export function annulmentDocument(input: AnnulmentDocumentInput): Uint8Array {
  const document: JsonValue = {
    type: ANNULMENT_DOCUMENT_TYPE,
    version: DOCUMENT_VERSION,
    title: "Заява про анулювання бронювання військовозобов'язаних працівників",
    enterprise: { edrpou: input.edrpou, name: input.enterpriseName },
    ground: { code: input.ground, label: annulmentGroundLabel(input.ground) },
    employees: input.employees.map((e, index) => ({
      position: index + 1,
      rnokpp: e.rnokpp,
      fullName: e.fullName,
      reservedUntil: e.reservedUntil,
    })),
    employeeCount: input.employees.length,
    ruleset: input.rulesetVersion,
    precheckDate: input.precheckDate,
    preparedBy: input.preparedBy,
    nonce: input.nonce,
    createdAt: input.createdAt.toISOString(),
  };
  return canonicalJsonBytes(document);
}
