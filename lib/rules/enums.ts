// The registry's and the portal's enum values, spelled exactly as in prisma/schema.prisma so
// that facts read from the database map 1:1 (a unit test compares them with the generated
// client). Kept here rather than imported so that this module never pulls in Prisma.

export const REGISTRATION_STATUSES = [
  "ON_REGISTER",
  "REMOVED",
  "EXCLUDED",
  "NOT_REGISTERED",
  "BEING_CLARIFIED",
  "WANTED",
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const LIABILITY_TYPES = ["CONSCRIPT", "LIABLE", "RESERVIST"] as const;
export type LiabilityType = (typeof LIABILITY_TYPES)[number];

export const OWNERSHIP_FORMS = ["STATE", "COMMUNAL", "PRIVATE", "COLLECTIVE", "RELIGIOUS"] as const;
export type OwnershipForm = (typeof OWNERSHIP_FORMS)[number];

export const LIMIT_CATEGORIES = [
  "DEFAULT_50",
  "DEFENCE_100",
  "FRONTLINE_100",
  "DRONE_WEAPONS_100",
  "MEDICAL_100",
  "LIFE_SUPPORT_75",
  "UKRZALIZNYTSIA_80",
  "ENERGY_EQUIPMENT_100",
] as const;
export type LimitCategory = (typeof LIMIT_CATEGORIES)[number];

export const DECISION_STATUSES = ["ACTIVE", "REVOKED"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Ukrainian words for a registry status, as the refusal message shows them. */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  ON_REGISTER: "на обліку",
  REMOVED: "знятий з обліку",
  EXCLUDED: "виключений з обліку",
  NOT_REGISTERED: "не перебуває на обліку",
  BEING_CLARIFIED: "дані уточнюються",
  WANTED: "у розшуку",
};

export const LIABILITY_LABELS: Record<LiabilityType, string> = {
  CONSCRIPT: "призовник",
  LIABLE: "військовозобов'язаний",
  RESERVIST: "резервіст",
};

export const OWNERSHIP_LABELS: Record<OwnershipForm, string> = {
  STATE: "державна",
  COMMUNAL: "комунальна",
  PRIVATE: "приватна",
  COLLECTIVE: "колективна",
  RELIGIOUS: "релігійна організація",
};
