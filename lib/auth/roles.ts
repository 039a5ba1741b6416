// Roles, their Ukrainian names and the cabinet each one opens. Pure: the header and the
// login page use it in the browser too.

export const ROLES = ["ADMIN", "OFFICIAL", "ENTERPRISE_HEAD", "AUTHORIZED_PERSON", "CONSCRIPT", "RECRUITER", "METHODOLOGIST"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Адміністратор",
  OFFICIAL: "Посадова особа органу влади",
  ENTERPRISE_HEAD: "Керівник підприємства",
  AUTHORIZED_PERSON: "Довірена особа підприємства",
  CONSCRIPT: "Військовозобов'язаний",
  RECRUITER: "Рекрутер військової частини",
  METHODOLOGIST: "Методолог Мінекономіки",
};

export const CABINET_PATH: Record<Role, string> = {
  ADMIN: "/admin",
  OFFICIAL: "/ministry",
  ENTERPRISE_HEAD: "/company",
  AUTHORIZED_PERSON: "/company",
  CONSCRIPT: "/me",
  RECRUITER: "/unit",
  METHODOLOGIST: "/methodology",
};

/** One way a person may act: a role, and the organisation it belongs to. */
export type RoleOption = {
  role: Role;
  edrpou?: string;
  authorityId?: string;
  unitId?: string;
  /** What the role is called for this person, e.g. "Керівник · ТОВ «Світанок»". */
  label: string;
};

/** The signed-in person acting in one role. Identity always comes from the session. */
export type Actor = {
  userId: string | null;
  rnokpp: string | null;
  fullName: string;
  role: Role;
  edrpou?: string;
  authorityId?: string;
  unitId?: string;
  /** How the person proved who they are. */
  via: "password" | "kep" | "token";
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function sameRoleOption(a: RoleOption, b: RoleOption) {
  return a.role === b.role && a.edrpou === b.edrpou && a.authorityId === b.authorityId && a.unitId === b.unitId;
}
