// The main pages of every cabinet, by demo user: what the accessibility and small-screen scans
// walk. A new cabinet adds its pages here.
export const ANONYMOUS_PAGES = ["/", "/login", "/api/v1/docs", "/verify/AAAAAAAAAAAAAAAAAAAAAAAA"];

export const MAIN_PAGES: Record<string, string[]> = {
  "head-big": [
    "/company",
    "/company/employees",
    "/company/applications",
    "/company/applications/new",
    "/company/annulments",
    "/company/authorizations",
    "/company/api-tokens",
    "/company/notifications",
  ],
  "authorized-big": [
    "/company",
    "/company/employees",
    "/company/applications",
    "/company/annulments",
    "/company/notifications",
  ],
  "head-noncritical": ["/company", "/company/employees"],
  "official-economy": [
    "/ministry",
    "/ministry/decisions/new",
    "/ministry/import",
    "/ministry/dashboard",
    "/ministry/audit",
    "/ministry/notifications",
  ],
  methodologist: ["/methodology", "/methodology/new"],
  "conscript-reserved": [
    "/me",
    "/me/document",
    "/me/vacancies",
    "/me/applications",
    "/me/contacts",
    "/me/notifications",
  ],
  recruiter: ["/unit", "/unit/vacancies", "/unit/vacancies/new", "/unit/notifications"],
  admin: ["/admin", "/admin/officials", "/admin/mail"],
};
