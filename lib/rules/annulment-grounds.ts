// Grounds on which a reservation ends early or is ended. Order matters: when several apply to
// one reservation, the first is recorded (a term that simply ran out is an expiry, whatever
// else happened since). `headMay`: a head may choose it in a signed annulment request;
// `automatic`: the scheduled checks apply it. `status` is the reservation's final state.

export const ANNULMENT_GROUNDS = [
  { code: "TERM_EXPIRED", label: "Закінчився строк бронювання", headMay: false, automatic: true, status: "EXPIRED" },
  {
    code: "ENTERPRISE_LIQUIDATED",
    label: "Ліквідація підприємства",
    headMay: false,
    automatic: true,
    status: "ANNULLED",
  },
  {
    code: "DECISION_REVOKED",
    label: "Скасовано рішення про визнання підприємства критично важливим",
    headMay: false,
    automatic: true,
    status: "ANNULLED",
  },
  {
    code: "DECISION_EXPIRED",
    label: "Закінчився строк дії рішення про визнання підприємства критично важливим",
    headMay: true,
    automatic: true,
    status: "ANNULLED",
  },
  { code: "DISMISSAL", label: "Звільнення працівника", headMay: true, automatic: true, status: "ANNULLED" },
  {
    code: "CONTRACT_SUSPENDED",
    label: "Призупинення дії трудового договору",
    headMay: true,
    automatic: true,
    status: "ANNULLED",
  },
  {
    code: "DEFERMENT_OTHER_GROUND",
    label: "Надано відстрочку з іншої підстави",
    headMay: true,
    automatic: true,
    status: "ANNULLED",
  },
  {
    code: "LIMIT_EXCEEDED",
    label: "Перевищення ліміту бронювання",
    headMay: false,
    automatic: true,
    status: "ANNULLED",
  },
  {
    code: "HEAD_REQUEST",
    label: "Обґрунтоване звернення керівника підприємства",
    headMay: true,
    automatic: false,
    status: "ANNULLED",
  },
] as const;

export type AnnulmentGroundCode = (typeof ANNULMENT_GROUNDS)[number]["code"];
export type AnnulmentGround = (typeof ANNULMENT_GROUNDS)[number];

const BY_CODE = new Map<string, AnnulmentGround>(ANNULMENT_GROUNDS.map((g) => [g.code, g]));

/** The grounds a head may choose, in display order. */
export const HEAD_ANNULMENT_GROUNDS: readonly AnnulmentGround[] = ANNULMENT_GROUNDS.filter((g) => g.headMay);

export function isAnnulmentGroundCode(value: string): value is AnnulmentGroundCode {
  return BY_CODE.has(value);
}

export function annulmentGround(code: AnnulmentGroundCode): AnnulmentGround {
  return BY_CODE.get(code)!;
}

export function annulmentGroundLabel(code: AnnulmentGroundCode): string {
  return annulmentGround(code).label;
}

/** Orders grounds as ANNULMENT_GROUNDS lists them. */
export function sortGrounds(codes: Iterable<AnnulmentGroundCode>): AnnulmentGroundCode[] {
  const order = ANNULMENT_GROUNDS.map((g) => g.code as AnnulmentGroundCode);
  return [...new Set(codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
