// The fields of a new decision, by name: the form, the import and the server's checks report
// problems against these. Browser-safe.

export const NEW_DECISION_FIELDS = [
  "edrpou",
  "number",
  "decidedOn",
  "criteria",
  "salaryExemption",
  "limitCategory",
  "militaryLiableCount",
  "headcount",
  "validFrom",
  "validUntil",
] as const;

export type NewDecisionField = (typeof NEW_DECISION_FIELDS)[number];
