// Roles, their Ukrainian names and the cabinet each one opens. Pure: the header and the
// login page use it in the browser too.

export const ROLES = [
  "ADMIN",
  "OFFICIAL",
  "ENTERPRISE_HEAD",
  "AUTHORIZED_PERSON",
  "CONSCRIPT",
  "RECRUITER",
  "METHODOLOGIST",
  "UNIT_STAFF_OFFICER",
  "TCK_OFFICER",
  "TCK_HEAD",
  "CENTRE_RECRUITER",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Адміністратор",
  OFFICIAL: "Посадова особа органу влади",
  ENTERPRISE_HEAD: "Керівник підприємства",
  AUTHORIZED_PERSON: "Довірена особа підприємства",
  CONSCRIPT: "Військовозобов'язаний",
  RECRUITER: "Рекрутер військової частини",
  METHODOLOGIST: "Методолог Мінекономіки",
  UNIT_STAFF_OFFICER: "Офіцер стройової частини",
  TCK_OFFICER: "Посадова особа ТЦК та СП",
  TCK_HEAD: "Начальник ТЦК та СП",
  CENTRE_RECRUITER: "Рекрутер рекрутингового центру",
};

export const CABINET_PATH: Record<Role, string> = {
  ADMIN: "/admin",
  OFFICIAL: "/ministry",
  ENTERPRISE_HEAD: "/company",
  AUTHORIZED_PERSON: "/company",
  CONSCRIPT: "/me",
  RECRUITER: "/unit",
  METHODOLOGIST: "/methodology",
  UNIT_STAFF_OFFICER: "/staff",
  TCK_OFFICER: "/tck",
  TCK_HEAD: "/tck",
  CENTRE_RECRUITER: "/centre",
};

/** One way a person may act: a role, and the organisation it belongs to. */
export type RoleOption = {
  role: Role;
  edrpou?: string;
  authorityId?: string;
  unitId?: string;
  /** The ТЦК (by name) of an officer or head of a ТЦК. */
  tcc?: string;
  /** The recruitment centre of a centre recruiter. */
  centreId?: string;
  /** What the role is called for this person, e.g. "Керівник · ТОВ «Світанок»". */
  label: string;
};

type ActorBase = {
  userId: string | null;
  fullName: string;
  /** How the person proved who they are. */
  via: "password" | "kep" | "token";
};

/**
 * The organisation fields a role does not have are `undefined` in its variant, so that code not
 * yet narrowed still reads them; narrow on `role` (or use the cabinet gates in lib/auth/gate.ts)
 * and the compiler knows which enterprise, authority or unit the actor acts for.
 */
type Without<K extends "edrpou" | "authorityId" | "unitId" | "tcc" | "centreId"> = { [F in K]?: undefined };

/** The head of an enterprise, by the state register (signs applications and annulments). */
export type HeadActor = ActorBase & { role: "ENTERPRISE_HEAD"; rnokpp: string; edrpou: string } & Without<
    "authorityId" | "unitId" | "tcc" | "centreId"
  >;
/** A person the head authorized to prepare the enterprise's applications. */
export type AuthorizedPersonActor = ActorBase & { role: "AUTHORIZED_PERSON"; rnokpp: string; edrpou: string } & Without<
    "authorityId" | "unitId" | "tcc" | "centreId"
  >;
/** An official of a central executive authority (ЦОВВ) deciding on enterprises' criticality. */
export type OfficialActor = ActorBase & { role: "OFFICIAL"; rnokpp: string | null; authorityId: string } & Without<
    "edrpou" | "unitId" | "tcc" | "centreId"
  >;
/** A person liable for military service, in their own cabinet. */
export type ConscriptActor = ActorBase & { role: "CONSCRIPT"; rnokpp: string } & Without<
    "edrpou" | "authorityId" | "unitId" | "tcc" | "centreId"
  >;
/** A recruiter of a military unit. */
export type RecruiterActor = ActorBase & { role: "RECRUITER"; rnokpp: string | null; unitId: string } & Without<
    "edrpou" | "authorityId" | "tcc" | "centreId"
  >;
/** A staff officer (стройова частина) of a military unit: confirms service periods for certificates. */
export type StaffOfficerActor = ActorBase & {
  role: "UNIT_STAFF_OFFICER";
  rnokpp: string | null;
  unitId: string;
} & Without<"edrpou" | "authorityId" | "tcc" | "centreId">;
/** A methodologist of the Ministry of Economy: drafts and signs rulesets. */
export type MethodologistActor = ActorBase & {
  role: "METHODOLOGIST";
  rnokpp: string | null;
  authorityId: string;
} & Without<"edrpou" | "unitId" | "tcc" | "centreId">;
/** An officer of a ТЦК та СП: the register and the notices of that ТЦК. */
export type TckOfficerActor = ActorBase & { role: "TCK_OFFICER"; rnokpp: string | null; tcc: string } & Without<
    "edrpou" | "authorityId" | "unitId" | "centreId"
  >;
/** The head of a ТЦК та СП: also signs the ТЦК's notices with КЕП. */
export type TckHeadActor = ActorBase & { role: "TCK_HEAD"; rnokpp: string | null; tcc: string } & Without<
    "edrpou" | "authorityId" | "unitId" | "centreId"
  >;
/** A recruiter of a recruitment centre: the centre's visits and basic-service applications. */
export type CentreRecruiterActor = ActorBase & {
  role: "CENTRE_RECRUITER";
  rnokpp: string | null;
  centreId: string;
} & Without<"edrpou" | "authorityId" | "unitId" | "tcc">;
/** Whoever works in a ТЦК cabinet. */
export type TckActor = TckOfficerActor | TckHeadActor;
/** The portal's administrator. */
export type AdminActor = ActorBase & { role: "ADMIN"; rnokpp: string | null } & Without<
    "edrpou" | "authorityId" | "unitId" | "tcc" | "centreId"
  >;

/** Whoever acts for an enterprise in the company cabinet and the HR API. */
export type CompanyActor = HeadActor | AuthorizedPersonActor;

/**
 * The signed-in person acting in one role, resolved once per request (lib/auth/session.ts) from
 * the session — identity never comes from a request body. A new role: add it to ROLES, give it a
 * variant here with the organisation it acts for, a row in PERMISSIONS (lib/auth/permissions.ts)
 * and a case in actorFromRoleOption below; the compiler then shows every switch to extend.
 */
export type Actor =
  | HeadActor
  | AuthorizedPersonActor
  | OfficialActor
  | ConscriptActor
  | RecruiterActor
  | StaffOfficerActor
  | MethodologistActor
  | TckOfficerActor
  | TckHeadActor
  | CentreRecruiterActor
  | AdminActor;

/** The actor for one role option of a person, or null when the option lacks what the role needs. */
export function actorFromRoleOption(
  person: ActorBase & { rnokpp: string | null },
  option: Pick<RoleOption, "role" | "edrpou" | "authorityId" | "unitId" | "tcc" | "centreId">,
): Actor | null {
  const { userId, fullName, via, rnokpp } = person;
  const base = { userId, fullName, via };
  switch (option.role) {
    case "ENTERPRISE_HEAD":
    case "AUTHORIZED_PERSON":
      return rnokpp && option.edrpou ? { ...base, role: option.role, rnokpp, edrpou: option.edrpou } : null;
    case "OFFICIAL":
      return option.authorityId ? { ...base, role: "OFFICIAL", rnokpp, authorityId: option.authorityId } : null;
    case "CONSCRIPT":
      return rnokpp ? { ...base, role: "CONSCRIPT", rnokpp } : null;
    case "RECRUITER":
      return option.unitId ? { ...base, role: "RECRUITER", rnokpp, unitId: option.unitId } : null;
    case "UNIT_STAFF_OFFICER":
      return option.unitId ? { ...base, role: "UNIT_STAFF_OFFICER", rnokpp, unitId: option.unitId } : null;
    case "METHODOLOGIST":
      return option.authorityId ? { ...base, role: "METHODOLOGIST", rnokpp, authorityId: option.authorityId } : null;
    case "TCK_OFFICER":
    case "TCK_HEAD":
      return option.tcc ? { ...base, role: option.role, rnokpp, tcc: option.tcc } : null;
    case "CENTRE_RECRUITER":
      return option.centreId ? { ...base, role: "CENTRE_RECRUITER", rnokpp, centreId: option.centreId } : null;
    case "ADMIN":
      return { ...base, role: "ADMIN", rnokpp };
  }
}

export function isCompanyActor(actor: Actor | null | undefined): actor is CompanyActor {
  return actor?.role === "ENTERPRISE_HEAD" || actor?.role === "AUTHORIZED_PERSON";
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function sameRoleOption(a: RoleOption, b: RoleOption) {
  return (
    a.role === b.role &&
    a.edrpou === b.edrpou &&
    a.authorityId === b.authorityId &&
    a.unitId === b.unitId &&
    a.tcc === b.tcc &&
    a.centreId === b.centreId
  );
}
