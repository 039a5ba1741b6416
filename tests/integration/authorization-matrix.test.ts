import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { Role, RoleOption } from "@/lib/auth/roles";
import { issueApiToken } from "@/lib/api-tokens";
import { employeeHref } from "@/lib/company/employee-ref";
import { issueEvod } from "@/lib/evod/issue-evod";
import { db } from "@/lib/db/client";
import { kyivDate } from "@/lib/format";
import {
  createAnnulmentDraft,
  createReservationDraft,
  decideSubmittedApplication,
  submitApplication,
} from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { createMilitaryUnit, createRecruitmentCentre, createUser } from "@/prisma/seed/factories/portal";
import { createServicePeriod, createTcc } from "@/prisma/seed/factories/registry";
import { formNotices } from "@/lib/notices/form-notices";
import { registryFor } from "@/lib/registry";
import { tckPersonHref } from "@/lib/tck/person-ref";
import { createOfficial } from "./ministry-fixtures";
import { createCtx } from "@/lib/context-server";
import { requestCertificate } from "@/lib/certificates/request-certificate";

// Every page, route handler and server action of the app, found by walking app/, is called as
// each principal — anonymous, every role, the head and authorized person of ANOTHER enterprise,
// an official of ANOTHER authority, ANOTHER conscript — with enterprise A's, authority A's and
// conscript A's objects from the seed. The table below says who may use each; a route that has
// no entry fails the test. Sessions are the only thing faked (next-auth's getServerSession):
// every check behind them — roles re-read from the registry, scoping to the actor — is real.

type Principal =
  | "anonymous"
  | "admin"
  | "official"
  | "otherOfficial"
  | "head"
  | "authorized"
  | "otherHead"
  | "otherAuthorized"
  | "conscript"
  | "otherConscript"
  | "recruiter"
  | "methodologist"
  | "staffOfficer"
  | "otherMethodologist"
  | "tckOfficer"
  | "tckHead"
  | "otherTckOfficer"
  | "centreRecruiter"
  | "otherCentreRecruiter";
const PRINCIPALS: Principal[] = [
  "anonymous",
  "admin",
  "official",
  "otherOfficial",
  "head",
  "authorized",
  "otherHead",
  "otherAuthorized",
  "conscript",
  "otherConscript",
  "recruiter",
  "methodologist",
  "staffOfficer",
  "tckOfficer",
  "tckHead",
  "otherTckOfficer",
  "centreRecruiter",
  "otherCentreRecruiter",
];

// forbidden() is behind Next's experimental.authInterrupts, which next.config.js turns on.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
let session: Record<string, unknown> | null = null;
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session,
}));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({
      "user-agent": "matrix",
      "x-forwarded-for": "192.0.2.1",
      origin: "http://localhost:3000",
      host: "localhost:3000",
    }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
  draftMode: async () => ({ isEnabled: false }),
}));

const APP = path.resolve("app");
const NONCE = "A".repeat(43);
const correction = () => ({
  rnokpp: o.servicePeriodRnokpp,
  periodId: o.servicePeriodId,
  fromDate: "2022-03-01",
  untilDate: "2023-09-30",
  position: "стрілець",
  reason: "Уточнено дату звільнення за наказом",
});
const ALL = "all" as const;
const COMPANY_A: Principal[] = ["head", "authorized"];
const HEAD_A: Principal[] = ["head"];
const OFFICIALS: Principal[] = ["official", "otherOfficial"];
const OFFICIAL_A: Principal[] = ["official"];
const CONSCRIPTS: Principal[] = ["conscript", "otherConscript"];
const CONSCRIPT_A: Principal[] = ["conscript"];
const COMPANIES: Principal[] = ["head", "authorized", "otherHead", "otherAuthorized"];
const SIGNED_IN: Principal[] = PRINCIPALS.filter((p) => p !== "anonymous");
const NOBODY: Principal[] = [];
const TCKS: Principal[] = ["tckOfficer", "tckHead", "otherTckOfficer"];
const TCK_A: Principal[] = ["tckOfficer", "tckHead"];
const TCK_HEAD_A: Principal[] = ["tckHead"];

type Objects = {
  a: World;
  b: World;
  applicationId: string;
  draftId: string;
  documentId: string;
  unitVacancyId: string;
  vacancyApplicationId: string;
  employeeRef: string;
  discardDraftId: string;
  annulmentDraftId: string;
  authorityId: string;
  decisionId: string;
  evodCode: string;
  membershipId: string;
  tokenId: string;
  certificateId: string;
  certificateCode: string;
  certificateRequestId: string;
  tckPersonRef: string;
  noticeBatchId: string;
  noticeId: string;
  centreId: string;
  visitId: string;
  todayVisitId: string;
  basicServiceApplicationId: string;
  servicePeriodId: string;
  servicePeriodRnokpp: string;
};
let o: Objects;
const ids: Partial<Record<Principal, { uid: string; rnokpp: string | null; fullName: string; option: RoleOption }>> =
  {};

// Who may use what. Keys: "page <route>", "<METHOD> <route>", "action <file>#<export>".
type Entry = {
  allow: Principal[] | typeof ALL;
  skip?: string;
  params?: () => Record<string, string | string[]>;
  input?: () => unknown;
  body?: () => unknown;
  search?: Record<string, string>;
};
const TABLE: Record<string, Entry> = {
  // Public.
  "page /": { allow: ALL },
  "page /login": { allow: ALL },
  "page /login/role": { allow: SIGNED_IN },
  "page /verify/[code]": { allow: ALL, params: () => ({ code: o.evodCode }) },
  "page /api/v1/docs": { allow: ALL },
  "GET /api/health": { allow: ALL },
  "GET /api/audit/anchors": { allow: ALL },
  "GET /api/v1/openapi.json": { allow: ALL },
  "GET /api/pki/crl": { allow: ALL },
  "POST /api/pki/ocsp": { allow: ALL },
  "GET /api/pki/ca/[kind]": { allow: ALL, params: () => ({ kind: "root" }) },
  "POST /api/auth/kep/nonce": { allow: ALL },
  // next-auth's own handler needs Next's request scope: its sign-in is driven by the login e2e tests.
  "GET /api/auth/[...nextauth]": { allow: ALL, skip: "next-auth" },
  "POST /api/auth/[...nextauth]": { allow: ALL, skip: "next-auth" },
  // Outside demo mode there are no demo keys: nobody gets one.
  "GET /api/demo-keys/[key]": { allow: NOBODY, params: () => ({ key: "head-big" }) },
  "GET /serwist/[path]": { allow: ALL, params: () => ({ path: "sw.js" }) },
  "action (auth)/login#demoCredentials": { allow: ALL, input: () => "no-such-user" },
  // Administrator.
  "page /admin": { allow: ["admin"] },
  "page /admin/officials": { allow: ["admin"] },
  // The mail preview exists in demo mode only.
  "page /admin/mail": { allow: NOBODY },
  "page /admin/authorities/[id]": { allow: ["admin"], params: () => ({ id: o.authorityId }) },
  "action admin#createAuthorityAction": { allow: ["admin"] },
  "action admin#updateAuthorityAction": { allow: ["admin"] },
  "action admin#addOfficialAction": { allow: ["admin"] },
  "action admin#withdrawOfficialAction": { allow: ["admin"] },
  "action admin#issueOfficialTestKeyAction": { allow: ["admin"] },
  "page /admin/trust-list": { allow: ["admin"] },
  "action admin/trust-list#previewTrustListAction": { allow: ["admin"] },
  "action admin/trust-list#importTrustListAction": { allow: ["admin"] },
  // Ministry: the enterprise's decision belongs to authority A.
  "page /ministry": { allow: OFFICIALS },
  "page /ministry/dashboard": { allow: OFFICIALS },
  "page /ministry/audit": { allow: OFFICIALS },
  "page /ministry/import": { allow: OFFICIALS },
  "page /ministry/notifications": { allow: OFFICIALS },
  "page /ministry/decisions/new": { allow: OFFICIALS },
  "page /ministry/decisions/[id]": { allow: OFFICIAL_A, params: () => ({ id: o.decisionId }) },
  "GET /ministry/export": { allow: OFFICIALS },
  // A blank CSV template: no data in it, public like the HR API's documentation.
  "GET /ministry/import/template": { allow: ALL },
  "action ministry/notifications#markMinistryNotificationsReadAction": { allow: OFFICIALS },
  "action ministry/import#previewImportAction": { allow: OFFICIALS },
  "action ministry/import#importDecisionsAction": { allow: OFFICIALS },
  "action ministry/decisions/new#lookupEnterpriseAction": { allow: OFFICIALS },
  "action ministry/decisions/new#prepareGrantAction": { allow: OFFICIALS },
  "action ministry/decisions/new#grantDecisionAction": { allow: OFFICIALS },
  "action ministry/decisions/[id]#prepareChangeAction": {
    allow: OFFICIAL_A,
    input: () => ({
      decisionId: o.decisionId,
      change: { action: "EXTEND", validUntil: "2099-01-01", reason: "Матриця доступу" },
    }),
  },
  "action ministry/decisions/[id]#applyChangeAction": { allow: OFFICIALS },
  // Company: enterprise A's objects.
  "page /company": { allow: COMPANIES },
  "page /company/employees": { allow: COMPANIES },
  "page /company/employees/[ref]": { allow: COMPANY_A, params: () => ({ ref: o.employeeRef }) },
  "page /company/applications": { allow: COMPANIES },
  "page /company/applications/new": { allow: COMPANIES },
  "page /company/applications/[id]": { allow: COMPANY_A, params: () => ({ id: o.applicationId }) },
  "page /company/applications/drafts/[id]": { allow: COMPANY_A, params: () => ({ id: o.draftId }) },
  "page /company/annulments": { allow: COMPANIES },
  "page /company/notifications": { allow: COMPANIES },
  "page /company/authorizations": { allow: ["head", "otherHead"] },
  "page /company/api-tokens": { allow: ["head", "otherHead"] },
  "GET /company/applications/[id]/csv": { allow: COMPANY_A, params: () => ({ id: o.applicationId }) },
  "GET /api/documents/[id]/[part]": { allow: COMPANY_A, params: () => ({ id: o.documentId, part: "signature" }) },
  "action company#selectEmployeesAction": { allow: COMPANIES, input: () => ({ filters: {} }) },
  "action company#createReservationDraftAction": {
    allow: COMPANIES,
    input: () => ({ employees: [{ rnokpp: o.a.employees[3]! }] }),
  },
  "action company#createAnnulmentDraftAction": {
    allow: COMPANIES,
    input: () => ({ employees: [{ rnokpp: o.a.employees[0]! }], ground: "HEAD_REQUEST" }),
  },
  "action company#submitDraftAction": {
    allow: HEAD_A,
    input: () => ({ draftId: o.draftId, kind: "RESERVATION", signature: "AAAA" }),
  },
  "action company#applicationStatusAction": { allow: COMPANY_A, input: () => ({ applicationId: o.applicationId }) },
  // The head's own draft: the authorized person sees only the drafts they prepared.
  "action company#handOverDraftAction": { allow: HEAD_A, input: () => ({ draftId: o.draftId }) },
  "action company#markCompanyNotificationsReadAction": { allow: COMPANIES },
  "action company#discardDraftAction": { allow: HEAD_A, input: () => ({ draftId: o.discardDraftId }) },
  "action company/search-actions#searchEmployeesAction": { allow: COMPANIES, input: () => new FormData() },
  "action company/authorizations#prepareGrantAction": {
    allow: ["head", "otherHead"],
    input: () => ({ rnokpp: o.a.employees[2]!, position: "Менеджер з персоналу" }),
  },
  "action company/authorizations#grantAction": {
    allow: ["head", "otherHead"],
    input: () => ({ rnokpp: o.a.employees[2]!, position: "Менеджер з персоналу", nonce: NONCE, signature: "AAAA" }),
  },
  "action company/authorizations#prepareWithdrawalAction": {
    allow: HEAD_A,
    input: () => ({ membershipId: o.membershipId }),
  },
  "action company/authorizations#withdrawAction": {
    allow: HEAD_A,
    input: () => ({ membershipId: o.membershipId, nonce: NONCE, signature: "AAAA" }),
  },
  "action company/api-tokens#issueTokenAction": { allow: ["head", "otherHead"], input: () => ({ name: "Матриця" }) },
  "action company/api-tokens#revokeTokenAction": { allow: HEAD_A, input: () => ({ tokenId: o.tokenId }) },
  // HR API: a head's or authorized person's session (or token), scoped to their enterprise.
  "GET /api/v1/enterprises/[edrpou]/employees": { allow: COMPANY_A, params: () => ({ edrpou: o.a.edrpou }) },
  "POST /api/v1/enterprises/[edrpou]/employees/search": {
    allow: COMPANY_A,
    params: () => ({ edrpou: o.a.edrpou }),
    body: () => ({ q: o.a.employees[0]!.slice(0, 6) }),
  },
  "POST /api/v1/applications/drafts": {
    allow: COMPANY_A,
    body: () => ({ edrpou: o.a.edrpou, employees: [{ rnokpp: o.a.employees[3]! }] }),
  },
  "POST /api/v1/annulments/drafts": {
    allow: COMPANY_A,
    body: () => ({ edrpou: o.a.edrpou, ground: "HEAD_REQUEST", employees: [{ rnokpp: o.a.employees[0]! }] }),
  },
  "POST /api/v1/applications": { allow: HEAD_A, body: () => ({ draftId: o.draftId, signature: "AAAA" }) },
  "POST /api/v1/annulments": { allow: HEAD_A, body: () => ({ draftId: o.annulmentDraftId, signature: "AAAA" }) },
  "GET /api/v1/applications/[id]": { allow: COMPANY_A, params: () => ({ id: o.applicationId }) },
  // Conscript A: their status, е-document, applications to vacancies.
  // Reads the session cookie itself (next-auth/jwt) before Next: tests/integration/conscript-status-api.test.ts.
  "GET /api/v1/me/status": { allow: CONSCRIPTS, skip: "session cookie" },
  "GET /api/v1/me/applications": { allow: CONSCRIPTS },
  "GET /api/v1/me/applications/[id]": { allow: CONSCRIPT_A, params: () => ({ id: o.vacancyApplicationId }) },
  "page /me": { allow: CONSCRIPTS },
  "page /me/contacts": { allow: CONSCRIPTS },
  "page /me/document": { allow: CONSCRIPTS },
  "page /me/notifications": { allow: CONSCRIPTS },
  "page /me/vacancies": { allow: CONSCRIPTS },
  "page /me/applications": { allow: CONSCRIPTS },
  "page /me/applications/[id]": { allow: CONSCRIPT_A, params: () => ({ id: o.vacancyApplicationId }) },
  "GET /me/document/pdf": { allow: CONSCRIPT_A },
  "action me#updateContactsAction": { allow: CONSCRIPTS },
  "action me#issueEvodAction": { allow: CONSCRIPTS },
  "action me#applyToVacancyAction": { allow: CONSCRIPTS },
  "action me#withdrawApplicationAction": {
    allow: CONSCRIPT_A,
    input: () => ({ applicationId: o.vacancyApplicationId }),
  },
  "action me#markMyNotificationsReadAction": { allow: CONSCRIPTS },
  "page /me/certificates": { allow: CONSCRIPTS },
  "GET /me/certificates/[id]/[part]": { allow: CONSCRIPT_A, params: () => ({ id: o.certificateId, part: "pdf" }) },
  // Entitled or not (this conscript never served), the request reaches the domain: only a citizen's.
  "action me/certificates#requestCertificateAction": {
    allow: CONSCRIPTS,
    input: () => ({ kind: "SERVICE_PARTICIPATION" }),
  },
  // Notices: each citizen's own list; conscript A's notice is another's 404.
  "page /me/notices": { allow: CONSCRIPTS },
  "page /me/notices/[id]": { allow: CONSCRIPT_A, params: () => ({ id: o.noticeId }) },
  // Conscript A's notice is not signed yet: his own gets 409 (allowed through), anyone else's 404.
  "GET /me/notices/[id]/pdf": { allow: CONSCRIPT_A, params: () => ({ id: o.noticeId }) },
  "action me/notices#setNoticeAlertsAction": { allow: CONSCRIPTS, input: () => ({ enabled: "true" }) },
  // Certificates: the public check, and the unit staff officer who confirms periods of service.
  "page /verify/notice/[code]": { allow: ALL, params: () => ({ code: "AAAAAAAAAAAAAAAAAAAAAA" }) },
  "page /verify/certificate/[code]": { allow: ALL, params: () => ({ code: o.certificateCode }) },
  "POST /verify/certificate/[code]/pdf": { allow: ALL, params: () => ({ code: o.certificateCode }) },
  "page /staff": { allow: ["staffOfficer"] },
  "page /staff/notifications": { allow: ["staffOfficer"] },
  "page /staff/requests/[id]": { allow: ["staffOfficer"], params: () => ({ id: o.certificateRequestId }) },
  "action staff#prepareCertificateDecisionAction": {
    allow: ["staffOfficer"],
    input: () => ({ requestId: o.certificateRequestId, decision: "CONFIRM" }),
  },
  "action staff#decideCertificateRequestAction": {
    allow: ["staffOfficer"],
    input: () => ({ requestId: o.certificateRequestId, decision: "CONFIRM", nonce: NONCE, signature: "AAAA" }),
  },
  "action staff#markStaffNotificationsReadAction": { allow: ["staffOfficer"] },
  "page /staff/periods": { allow: ["staffOfficer"] },
  "page /staff/periods/[id]": { allow: ["staffOfficer"], params: () => ({ id: o.servicePeriodId }) },
  // The preview is written (a nonce) for the unit's own period; the correction's signature is
  // refused after the role and unit checks, so nothing changes.
  "action staff#previewServicePeriodCorrectionAction": {
    allow: ["staffOfficer"],
    input: () => correction(),
  },
  "action staff#correctServicePeriodAction": {
    allow: ["staffOfficer"],
    input: () => ({ ...correction(), nonce: NONCE, signature: "AAAA" }),
  },
  // Recruitment centres: the citizen books and applies; the centre's recruiter answers its own.
  "page /me/centres": { allow: CONSCRIPTS },
  "page /me/centres/[id]": { allow: CONSCRIPTS, params: () => ({ id: o.centreId }) },
  "page /me/basic-service": { allow: CONSCRIPTS },
  // Far beyond the booking horizon: refused by the slot rules after the role check, nothing written.
  "action me/centres#bookCentreVisitAction": {
    allow: CONSCRIPTS,
    input: () => ({ centreId: o.centreId, day: "2099-01-05", time: "10:00", purpose: "CONTRACT" }),
  },
  "action me/centres#cancelCentreVisitAction": { allow: CONSCRIPT_A, input: () => ({ visitId: o.visitId }) },
  // Not eligible by age (the seed's employees are 32–45), refused after the role check.
  "action me/centres#applyForBasicServiceAction": {
    allow: CONSCRIPTS,
    input: () => ({ centreId: o.centreId, specialty: "199176 — сапер" }),
  },
  "page /centre": { allow: ["centreRecruiter", "otherCentreRecruiter"] },
  "page /centre/basic-service": { allow: ["centreRecruiter", "otherCentreRecruiter"] },
  "page /centre/notifications": { allow: ["centreRecruiter", "otherCentreRecruiter"] },
  "action centre#decideBasicServiceAction": {
    allow: ["centreRecruiter"],
    input: () => ({ applicationId: o.basicServiceApplicationId, decision: "ACCEPTED" }),
  },
  // Today's visit at the recruiter's own centre; another centre's recruiter gets 404.
  "action centre#markCentreVisitAction": {
    allow: ["centreRecruiter"],
    input: () => ({ visitId: o.todayVisitId, attendance: "CAME" }),
  },
  "action centre#markCentreNotificationsReadAction": { allow: ["centreRecruiter", "otherCentreRecruiter"] },
  // Unit recruiter.
  "page /unit": { allow: ["recruiter"] },
  "page /unit/notifications": { allow: ["recruiter"] },
  "page /unit/vacancies": { allow: ["recruiter"] },
  "page /unit/vacancies/new": { allow: ["recruiter"] },
  "page /unit/vacancies/[id]/edit": { allow: ["recruiter"], params: () => ({ id: o.unitVacancyId }) },
  "page /unit/applications/[id]": { allow: ["recruiter"], params: () => ({ id: o.vacancyApplicationId }) },
  "action unit#decideApplicationAction": { allow: ["recruiter"] },
  "action unit#publishVacancyAction": { allow: ["recruiter"] },
  "action unit#updateVacancyAction": { allow: ["recruiter"] },
  "action unit#closeVacancyAction": { allow: ["recruiter"] },
  "action unit#markUnitNotificationsReadAction": { allow: ["recruiter"] },
  // The methodologist of the Ministry of Economy: the versions of the rules.
  // ТЦК cabinet: ТЦК A's officer and head; another ТЦК's officer sees its own register only.
  "page /tck": { allow: TCKS },
  "page /tck/notices": { allow: TCKS },
  "page /tck/notifications": { allow: TCKS },
  "page /tck/delivery": { allow: TCKS },
  "page /tck/notices/[id]": { allow: TCK_A, params: () => ({ id: o.noticeBatchId }) },
  "GET /tck/notices/[id]/pdf": { allow: TCK_A, params: () => ({ id: o.noticeBatchId }) },
  "GET /tck/notices/[id]/pdf/[noticeId]": {
    allow: TCK_A,
    params: () => ({ id: o.noticeBatchId, noticeId: o.noticeId }),
  },
  "page /tck/people/[ref]": { allow: TCK_A, params: () => ({ ref: o.tckPersonRef }) },
  "action tck#formNoticesAction": {
    allow: TCKS,
    input: () => ({
      kind: "MOBILISATION",
      appearDate: "2099-01-05",
      appearTime: "09:00",
      place: "м. Київ, вул. Матрична, 1",
      selection: { by: "filter", filter: { q: "Нікого" } },
    }),
  },
  "action tck#prepareBatchSigningAction": { allow: TCK_HEAD_A, input: () => ({ batchId: o.noticeBatchId }) },
  "action tck#signBatchAction": {
    allow: TCK_HEAD_A,
    input: () => ({ batchId: o.noticeBatchId, nonce: NONCE, signature: "AAAA" }),
  },
  "action tck#grantDefermentAction": {
    allow: TCK_A,
    input: () => ({ ref: o.tckPersonRef, ground: "інвалідність", until: "2099-01-01" }),
  },
  // Refused after the role check: the matrix person is not wanted, so there is nothing to lift.
  "action tck#setWantedStatusAction": {
    allow: TCK_A,
    input: () => ({ ref: o.tckPersonRef, wanted: false, reason: "Перевірка матриці доступу" }),
  },
  "action tck#referToVlkAction": {
    allow: TCK_A,
    input: () => ({ ref: o.tckPersonRef, date: "2099-01-05", time: "09:00", place: "м. Київ, вул. Матрична, 1" }),
  },
  "action tck#recordDataUpdateAction": {
    allow: TCK_A,
    input: () => ({
      ref: o.tckPersonRef,
      phone: "+380671234567",
      email: "",
      address: "м. Київ, вул. Матрична, 1",
      rank: "",
      specialty: "",
    }),
  },
  "action tck#markTckNotificationsReadAction": { allow: TCKS },
  "action tck#importPostalReportAction": {
    allow: TCKS,
    input: () => ({ csv: "Трек-номер;Номер повістки;Статус;Дата\nRB000000001UA;;вручено;01.01.2026", apply: false }),
  },
  "action tck/search-actions#searchRegisterAction": { allow: TCKS, input: () => new FormData() },
  "page /methodology": { allow: ["methodologist"] },
  "page /methodology/new": { allow: ["methodologist"] },
  "action methodology/new#prepareRulesetVersionAction": { allow: ["methodologist"] },
  "action methodology/new#rulesetWhatIfAction": { allow: ["methodologist"] },
  "action methodology/new#signRulesetVersionAction": { allow: ["methodologist"] },
};

/** The app's own tree: every page, every route handler's methods, every server action's exports. */
function discoverRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name === "page.tsx" || name === "route.ts" || /\.(ts|tsx)$/.test(name)) classify(file, name);
    }
  };
  const urlOf = (file: string) =>
    `/${path
      .relative(APP, path.dirname(file))
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s))
      .join("/")}`.replace(/\/$/, "") || "/";
  const classify = (file: string, name: string) => {
    const source = readFileSync(file, "utf8");
    if (name === "page.tsx") found.push(`page ${urlOf(file)}`);
    else if (name === "route.ts") {
      const exported = [
        ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]!);
      for (const list of source.matchAll(/export (?:const )?\{([^}]*)\}/g))
        exported.push(...[...list[1]!.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!));
      for (const method of new Set(exported)) found.push(`${method} ${urlOf(file)}`);
    }
    if (/^["']use server["']/.test(source.trimStart())) {
      const base = path
        .relative(APP, file)
        .replace(/\.(ts|tsx)$/, "")
        .replace(/\/actions$/, "")
        .replace(/^actions$/, "");
      for (const m of source.matchAll(/export (?:const|async function) (\w+)/g)) found.push(`action ${base}#${m[1]}`);
    }
  };
  walk(APP);
  // The auth route exports both methods through one handler.
  return [...new Set(found)].sort();
}

function actorSession(who: Principal) {
  const id = ids[who];
  if (!id) return null;
  return {
    uid: id.uid,
    rnokpp: id.rnokpp,
    fullName: id.fullName,
    roles: [id.option],
    activeRole: id.option,
    via: "password",
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

const modules = import.meta.glob([
  "/app/**/page.tsx",
  "/app/**/route.ts",
  "/app/**/actions.ts",
  "/app/**/*-actions.ts",
]);

function moduleFor(key: string): string {
  const [kind, rest] = [key.slice(0, key.indexOf(" ")), key.slice(key.indexOf(" ") + 1)];
  if (kind === "action") {
    const [file] = rest.split("#");
    const candidates = [
      `/app/${file}/actions.ts`,
      `/app/${file}.ts`,
      `/app/(auth)/${file!.replace("(auth)/", "")}/actions.ts`,
    ];
    return candidates.find((c) => c in modules) ?? candidates[0]!;
  }
  const segments = rest === "/" ? [] : rest.slice(1).split("/");
  const target = kind === "page" ? "page.tsx" : "route.ts";
  return Object.keys(modules).find((m) => {
    const parts = m
      .replace(/^\/app\//, "")
      .split("/")
      .filter((s) => !/^\(.*\)$/.test(s));
    return parts.at(-1) === target && parts.slice(0, -1).join("/") === segments.join("/");
  })!;
}

type Outcome = "allowed" | "refused";
let detail = "";

function classifyThrown(error: unknown): Outcome {
  const digest = (error as { digest?: string })?.digest ?? "";
  detail = digest.split(";").slice(0, 3).join(";");
  if (digest.startsWith("NEXT_REDIRECT"))
    return /;\/login(\/role)?[?;]|;\/login;/.test(digest) || digest.includes(";/login") ? "refused" : "allowed";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
    return digest.endsWith(";404") || digest.endsWith(";403") || digest.endsWith(";401") ? "refused" : "allowed";
  if (digest === "NEXT_NOT_FOUND") return "refused";
  throw error;
}

async function call(key: string, entry: Entry): Promise<Outcome> {
  const mod = (await modules[moduleFor(key)]!()) as Record<string, unknown>;
  const kind = key.slice(0, key.indexOf(" "));
  const params = Promise.resolve(entry.params?.() ?? {});
  if (kind === "page") {
    try {
      await (mod.default as (props: unknown) => Promise<unknown>)({
        params,
        searchParams: Promise.resolve(entry.search ?? {}),
      });
      return "allowed";
    } catch (error) {
      return classifyThrown(error);
    }
  }
  if (kind === "action") {
    const name = key.split("#")[1]!;
    try {
      const result = (await (mod[name] as (input: unknown) => Promise<unknown>)(entry.input ? entry.input() : {})) as
        { ok?: boolean; error?: { code: string } } | undefined;
      detail = result?.ok === false ? result.error!.code : "ok";
      // A refusal: no session, a role that may not, or another's object (every *_NOT_FOUND is a 404).
      if (
        result &&
        result.ok === false &&
        (["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"].includes(result.error!.code) ||
          result.error!.code.endsWith("_NOT_FOUND"))
      )
        return "refused";
      return "allowed";
    } catch (error) {
      return classifyThrown(error);
    }
  }
  const url = `http://localhost:3000${key.slice(key.indexOf(" ") + 1)}`;
  const body = entry.body?.();
  const request = new NextRequest(url, {
    method: kind,
    headers: { "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    ...(kind === "GET" ? {} : { body: body === undefined ? "{}" : JSON.stringify(body) }),
  });
  try {
    const response = await (mod[kind] as (r: Request, c: unknown) => Promise<Response>)(request, { params });
    detail = String(response.status);
    expect(response.status, `${key}: no route may answer 500`).toBeLessThan(500);
    return [401, 403, 404].includes(response.status) ? "refused" : "allowed";
  } catch (error) {
    return classifyThrown(error);
  }
}

beforeAll(async () => {
  const a = await createWorld(createCtx({ actor: null }), {
    serial: 61,
    employees: 5,
    limitCount: 5,
    withAuthorizedPerson: true,
  });
  const b = await createWorld(createCtx({ actor: null }), {
    serial: 62,
    employees: 2,
    limitCount: 2,
    withAuthorizedPerson: true,
  });
  const option = (role: Role, extra: Partial<RoleOption> = {}): RoleOption => ({ role, label: role, ...extra });
  const { user: admin } = await createUser(db, { role: "ADMIN", fullName: "Адмін Матриця Петрович" });
  const { user: official } = await createUser(db, {
    role: "OFFICIAL",
    authorityId: a.authorityId,
    fullName: "Посадова Матриця Іванівна",
  });
  const other = await db.authority.create({
    data: {
      code: "matrix-other",
      name: "Інше міністерство",
      shortName: "Мінінше",
      kind: "MINISTRY",
      edrpou: "43990015",
      kvedSections: [],
    },
  });
  const otherOfficial = await createOfficial(other, { fullName: "Інший Посадовець Петрович" });
  const unit = await createMilitaryUnit(db);
  const { user: recruiter } = await createUser(db, {
    role: "RECRUITER",
    unitId: unit.id,
    fullName: "Рекрутер Матриця Олегович",
  });
  const economy = await db.authority.create({
    data: {
      code: "mineconomy",
      name: "Міністерство економіки України",
      shortName: "Мінекономіки",
      kind: "MINISTRY",
      edrpou: "37508596",
      kvedSections: [],
    },
  });
  const { user: methodologist } = await createUser(db, {
    role: "METHODOLOGIST",
    authorityId: economy.id,
    fullName: "Методолог Матриця Петрівна",
  });
  const { user: staffOfficer } = await createUser(db, {
    role: "UNIT_STAFF_OFFICER",
    unitId: unit.id,
    fullName: "Стройовий Матриця Іванович",
  });
  // A methodologist's membership in another authority: the rules are the Ministry of Economy's alone.
  const { user: otherMethodologist } = await createUser(db, {
    role: "METHODOLOGIST",
    authorityId: other.id,
    fullName: "Методолог Інший Іванович",
  });
  const conscript = await db.user.create({
    data: { rnokpp: a.employees[0]!, fullName: "Працівник00000 Іван Іванович" },
  });
  const tccA = await createTcc(db, { name: "Печерський РТЦК та СП" });
  const tccB = await createTcc(db, { name: "Інший РТЦК та СП матриці" });
  const { user: tckOfficer } = await createUser(db, {
    role: "TCK_OFFICER",
    tcc: tccA.name,
    fullName: "Офіцер Матриця Романович",
  });
  const { user: tckHead } = await createUser(db, {
    role: "TCK_HEAD",
    tcc: tccA.name,
    fullName: "Начальник Матриця Григорович",
  });
  const { user: otherTckOfficer } = await createUser(db, {
    role: "TCK_OFFICER",
    tcc: tccB.name,
    fullName: "Інший Офіцер Матриці",
  });
  const otherConscript = await db.user.create({
    data: { rnokpp: b.employees[0]!, fullName: "Працівник00000 Іван Іванович" },
  });
  const centre = await createRecruitmentCentre(db, { unitIds: [unit.id] });
  const otherCentre = await createRecruitmentCentre(db);
  const { user: centreRecruiter } = await createUser(db, {
    role: "CENTRE_RECRUITER",
    centreId: centre.id,
    fullName: "Рекрутер Центру Матриці",
  });
  const { user: otherCentreRecruiter } = await createUser(db, {
    role: "CENTRE_RECRUITER",
    centreId: otherCentre.id,
    fullName: "Рекрутер Іншого Центру",
  });
  Object.assign(ids, {
    admin: { uid: admin.id, rnokpp: admin.rnokpp, fullName: admin.fullName, option: option("ADMIN") },
    official: {
      uid: official.id,
      rnokpp: official.rnokpp,
      fullName: official.fullName,
      option: option("OFFICIAL", { authorityId: a.authorityId }),
    },
    otherOfficial: {
      uid: otherOfficial.actor.userId!,
      rnokpp: otherOfficial.actor.rnokpp,
      fullName: otherOfficial.actor.fullName,
      option: option("OFFICIAL", { authorityId: other.id }),
    },
    head: {
      uid: a.head.userId,
      rnokpp: a.head.rnokpp,
      fullName: a.head.fullName,
      option: option("ENTERPRISE_HEAD", { edrpou: a.edrpou }),
    },
    authorized: {
      uid: a.authorized!.userId,
      rnokpp: a.authorized!.rnokpp,
      fullName: "Довірена",
      option: option("AUTHORIZED_PERSON", { edrpou: a.edrpou }),
    },
    otherHead: {
      uid: b.head.userId,
      rnokpp: b.head.rnokpp,
      fullName: b.head.fullName,
      option: option("ENTERPRISE_HEAD", { edrpou: b.edrpou }),
    },
    otherAuthorized: {
      uid: b.authorized!.userId,
      rnokpp: b.authorized!.rnokpp,
      fullName: "Довірена",
      option: option("AUTHORIZED_PERSON", { edrpou: b.edrpou }),
    },
    conscript: {
      uid: conscript.id,
      rnokpp: conscript.rnokpp,
      fullName: conscript.fullName,
      option: option("CONSCRIPT"),
    },
    otherConscript: {
      uid: otherConscript.id,
      rnokpp: otherConscript.rnokpp,
      fullName: otherConscript.fullName,
      option: option("CONSCRIPT"),
    },
    recruiter: {
      uid: recruiter.id,
      rnokpp: recruiter.rnokpp,
      fullName: recruiter.fullName,
      option: option("RECRUITER", { unitId: unit.id }),
    },
    methodologist: {
      uid: methodologist.id,
      rnokpp: methodologist.rnokpp,
      fullName: methodologist.fullName,
      option: option("METHODOLOGIST", { authorityId: economy.id }),
    },
    staffOfficer: {
      uid: staffOfficer.id,
      rnokpp: staffOfficer.rnokpp,
      fullName: staffOfficer.fullName,
      option: option("UNIT_STAFF_OFFICER", { unitId: unit.id }),
    },
    otherMethodologist: {
      uid: otherMethodologist.id,
      rnokpp: otherMethodologist.rnokpp,
      fullName: otherMethodologist.fullName,
      option: option("METHODOLOGIST", { authorityId: other.id }),
    },
    tckOfficer: {
      uid: tckOfficer.id,
      rnokpp: tckOfficer.rnokpp,
      fullName: tckOfficer.fullName,
      option: option("TCK_OFFICER", { tcc: tccA.name }),
    },
    tckHead: {
      uid: tckHead.id,
      rnokpp: tckHead.rnokpp,
      fullName: tckHead.fullName,
      option: option("TCK_HEAD", { tcc: tccA.name }),
    },
    otherTckOfficer: {
      uid: otherTckOfficer.id,
      rnokpp: otherTckOfficer.rnokpp,
      fullName: otherTckOfficer.fullName,
      option: option("TCK_OFFICER", { tcc: tccB.name }),
    },
    centreRecruiter: {
      uid: centreRecruiter.id,
      rnokpp: centreRecruiter.rnokpp,
      fullName: centreRecruiter.fullName,
      option: option("CENTRE_RECRUITER", { centreId: centre.id }),
    },
    otherCentreRecruiter: {
      uid: otherCentreRecruiter.id,
      rnokpp: otherCentreRecruiter.rnokpp,
      fullName: otherCentreRecruiter.fullName,
      option: option("CENTRE_RECRUITER", { centreId: otherCentre.id }),
    },
  });
  const visit = await db.centreVisit.create({
    data: {
      centreId: centre.id,
      rnokpp: a.employees[0]!,
      fullName: "Працівник00000 Іван Іванович",
      day: new Date("2099-01-05"),
      time: "10:00",
      purpose: "CONTRACT",
      openKey: `${a.employees[0]}:2099-01-05`,
    },
  });
  // Today's (Kyiv) visit: the recruiter may mark only a visit that is not in the future.
  const today = kyivDate(new Date());
  const todayVisit = await db.centreVisit.create({
    data: {
      centreId: centre.id,
      rnokpp: a.employees[1]!,
      fullName: "Працівник00001 Петро Іванович",
      day: new Date(today),
      time: "10:00",
      purpose: "CONTRACT",
      openKey: `${a.employees[1]}:${today}`,
    },
  });
  // A period of service the matrix's unit reported: its staff officer may correct it.
  const period = await createServicePeriod(db, { rnokpp: a.employees[2]!, unitCode: unit.code });
  const basicService = await db.basicServiceApplication.create({
    data: {
      rnokpp: b.employees[1]!,
      fullName: "Призовник Матриці",
      birthDate: new Date("2006-03-10"),
      centreId: centre.id,
      specialty: "199176 — сапер",
      openKey: b.employees[1]!,
    },
  });

  const draft = await createReservationDraft(createCtx({ actor: a.head.actor }), {
    edrpou: a.edrpou,
    employees: [{ rnokpp: a.employees[0]! }],
  });
  const submitted = await submitApplication(createCtx({ actor: a.head.actor }), {
    draftId: draft.draftId,
    signature: sign(a.head.key!, draft.document),
  });
  await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: submitted.applicationId });
  const application = await db.application.findUniqueOrThrow({
    where: { id: submitted.applicationId },
    select: { signedDocumentId: true },
  });
  const left = await createReservationDraft(createCtx({ actor: a.head.actor }), {
    edrpou: a.edrpou,
    employees: [{ rnokpp: a.employees[1]! }],
  });
  const vacancy = await db.vacancy.create({
    data: {
      unitId: unit.id,
      title: "Оператор БпЛА",
      specialty: "Оператор",
      region: "м. Київ",
      requirements: "—",
      description: "—",
    },
  });
  const vacancyApplication = await db.vacancyApplication.create({
    data: { vacancyId: vacancy.id, rnokpp: a.employees[0]! },
  });
  const membership = await db.membership.findFirstOrThrow({ where: { edrpou: a.edrpou, role: "AUTHORIZED_PERSON" } });
  const token = await issueApiToken(createCtx({ actor: a.head.actor }), { name: "Матриця" });
  const annulment = await createAnnulmentDraft(createCtx({ actor: a.head.actor }), {
    edrpou: a.edrpou,
    employees: [a.employees[0]!].map((rnokpp) => ({ rnokpp })),
    ground: "HEAD_REQUEST",
  });
  const discard = await createReservationDraft(createCtx({ actor: a.head.actor }), {
    edrpou: a.edrpou,
    employees: [{ rnokpp: a.employees[2]! }],
  });
  const evod = await issueEvod(
    createCtx({
      actor: {
        userId: conscript.id,
        rnokpp: conscript.rnokpp!,
        fullName: conscript.fullName,
        role: "CONSCRIPT",
        via: "password",
      },
      now: new Date(),
    }),
  );
  // Conscript A is reserved by now: the extract of his reservation; and a request routed to the unit.
  const extract = await requestCertificate(
    createCtx({
      actor: {
        userId: conscript.id,
        rnokpp: conscript.rnokpp!,
        fullName: conscript.fullName,
        role: "CONSCRIPT",
        via: "password",
      },
    }),
    { kind: "RESERVATION_EXTRACT" },
  );
  if (extract.status !== "ISSUED") throw new Error("the matrix needs an issued certificate");
  const certificate = await db.stateCertificate.findUniqueOrThrow({
    where: { id: extract.certificateId },
    select: { code: true },
  });
  const routed = await db.certificateRequest.create({
    data: {
      rnokpp: a.employees[1]!,
      kind: "SERVICE_PARTICIPATION",
      status: "PENDING",
      openKey: `${a.employees[1]}:SERVICE_PARTICIPATION`,
      unitId: unit.id,
      dueOn: new Date("2030-01-10"),
    },
  });
  const officerActor = {
    userId: tckOfficer.id,
    rnokpp: tckOfficer.rnokpp,
    fullName: tckOfficer.fullName,
    role: "TCK_OFFICER" as const,
    tcc: tccA.name,
    via: "password" as const,
  };
  const batch = await formNotices(
    { actor: officerActor, db, registry: registryFor(db), now: new Date() },
    {
      kind: "VLK",
      appearDate: "2099-01-05",
      appearTime: "10:00",
      place: "м. Київ, вул. Матрична, 1",
      selection: { by: "people", rnokpps: [a.employees[3]!] },
    },
  );
  // Conscript A's own notice (the batch's rules aside: the page only shows what is addressed to him).
  const notice = await db.notice.create({
    data: {
      code: "matrix-notice-of-conscript-a",
      batchId: batch.batchId,
      rnokpp: a.employees[0]!,
      fullName: conscript.fullName,
      tcc: tccA.name,
      kind: "VLK",
      appearAt: new Date("2099-01-05T08:00:00Z"),
      place: "м. Київ, вул. Матрична, 1",
    },
  });
  o = {
    noticeId: notice.id,
    certificateId: extract.certificateId,
    certificateCode: certificate.code,
    certificateRequestId: routed.id,
    centreId: centre.id,
    visitId: visit.id,
    todayVisitId: todayVisit.id,
    servicePeriodId: period.id,
    servicePeriodRnokpp: a.employees[2]!,
    basicServiceApplicationId: basicService.id,
    a,
    b,
    applicationId: submitted.applicationId,
    draftId: left.draftId,
    documentId: application.signedDocumentId,
    unitVacancyId: vacancy.id,
    vacancyApplicationId: vacancyApplication.id,
    employeeRef: employeeHref(a.employees[0]!).split("/").at(-1)!,
    tckPersonRef: tckPersonHref(a.employees[4]!).split("/").at(-1)!,
    noticeBatchId: batch.batchId,
    authorityId: a.authorityId,
    decisionId: a.decisionId,
    evodCode: evod.code,
    discardDraftId: discard.draftId,
    annulmentDraftId: annulment.draftId,
    membershipId: membership.id,
    tokenId: token.id,
  };
});

const tally = { requests: 0, refusals: 0, routes: 0 };

afterAll(() => {
  console.log(`authorization matrix: routes ${tally.routes}, requests ${tally.requests}, refusals ${tally.refusals}`);
});

describe("the authorization matrix over every route", () => {
  it("has an entry for every page, route handler and server action in app/, and none for a route that is gone", () => {
    const routes = discoverRoutes();
    expect(routes.length).toBeGreaterThan(60);
    expect(
      routes.filter((r) => !(r in TABLE)),
      "routes without an entry in the table",
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((k) => !routes.includes(k)),
      "entries for routes that no longer exist",
    ).toEqual([]);
  });

  it("lets exactly the table's principals through, as each principal, with another's objects refused", async () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(TABLE)) {
      tally.routes += 1;
      if (entry.skip) continue;
      // Owners last: an allowed call may change what it touches.
      const order = [...PRINCIPALS].sort(
        (x, y) =>
          Number(entry.allow === ALL || entry.allow.includes(x)) -
          Number(entry.allow === ALL || entry.allow.includes(y)),
      );
      for (const who of order) {
        session = who === "anonymous" ? null : actorSession(who);
        const expected: Outcome = entry.allow === ALL || entry.allow.includes(who) ? "allowed" : "refused";
        let outcome: Outcome;
        try {
          outcome = await call(key, entry);
        } catch (error) {
          wrong.push(`${key} as ${who}: threw ${(error as Error).message.split("\n")[0]}`);
          continue;
        }
        tally.requests += 1;
        if (outcome === "refused") tally.refusals += 1;
        if (outcome !== expected) wrong.push(`${key} as ${who}: ${outcome} (${detail}), expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  // Not a principal of the table: its actions are refused by the domain (lib/rulesets
  // loadMethodologist) only after their input parses — tests/integration/rulesets.test.ts.
  it("shows a methodologist of another authority the 403 page of the rules' cabinet, not an error", async () => {
    for (const key of ["page /methodology", "page /methodology/new"]) {
      session = actorSession("otherMethodologist");
      expect(await call(key, TABLE[key]!), key).toBe("refused");
      expect(detail, key).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    }
  });
});
