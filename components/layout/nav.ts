import type { Role } from "@/lib/auth/roles";

/** demoOnly: shown only when the portal runs in demo mode (DEMO_MODE). */
export type NavItem = { href: string; label: string; demoOnly?: boolean };

/** The cabinet's sections, by role. */
export const NAV: Record<Role, NavItem[]> = {
  ENTERPRISE_HEAD: [
    { href: "/company", label: "Огляд" },
    { href: "/company/employees", label: "Працівники" },
    { href: "/company/applications", label: "Заяви" },
    { href: "/company/annulments", label: "Анулювання" },
    { href: "/company/authorizations", label: "Довірені особи" },
    { href: "/company/api-tokens", label: "API" },
  ],
  AUTHORIZED_PERSON: [
    { href: "/company", label: "Огляд" },
    { href: "/company/employees", label: "Працівники" },
    { href: "/company/applications", label: "Заяви" },
    { href: "/company/annulments", label: "Анулювання" },
  ],
  OFFICIAL: [
    { href: "/ministry", label: "Підприємства" },
    { href: "/ministry/decisions/new", label: "Нове рішення" },
    { href: "/ministry/import", label: "Імпорт" },
    { href: "/ministry/dashboard", label: "Аналітика" },
    { href: "/ministry/audit", label: "Журнал" },
  ],
  CONSCRIPT: [
    { href: "/me", label: "Мій облік" },
    { href: "/me/document", label: "еВОД" },
    { href: "/me/vacancies", label: "Вакансії" },
    { href: "/me/applications", label: "Мої відгуки" },
    { href: "/me/certificates", label: "Довідки" },
    { href: "/me/notices", label: "Повістки" },
    { href: "/me/centres", label: "Рекрутингові центри" },
  ],
  RECRUITER: [
    { href: "/unit", label: "Відгуки" },
    { href: "/unit/vacancies", label: "Вакансії" },
  ],
  UNIT_STAFF_OFFICER: [
    { href: "/staff", label: "Запити на довідки" },
    { href: "/staff/periods", label: "Періоди служби" },
  ],
  METHODOLOGIST: [
    { href: "/methodology", label: "Версії правил" },
    { href: "/methodology/new", label: "Нова версія" },
  ],
  TCK_OFFICER: [
    { href: "/tck", label: "Реєстр" },
    { href: "/tck/notices", label: "Повістки" },
    { href: "/tck/delivery", label: "Вручення" },
  ],
  TCK_HEAD: [
    { href: "/tck", label: "Реєстр" },
    { href: "/tck/notices", label: "Повістки" },
    { href: "/tck/delivery", label: "Вручення" },
  ],
  CENTRE_RECRUITER: [
    { href: "/centre", label: "Візити" },
    { href: "/centre/basic-service", label: "Базова служба" },
  ],
  ADMIN: [
    { href: "/admin", label: "Органи влади" },
    { href: "/admin/officials", label: "Посадові особи" },
    { href: "/admin/trust-list", label: "Перелік надавачів" },
    { href: "/admin/mail", label: "Вихідна пошта", demoOnly: true },
  ],
};

/** Where each role reads its notifications. */
export const NOTIFICATIONS_PATH: Partial<Record<Role, string>> = {
  ENTERPRISE_HEAD: "/company/notifications",
  AUTHORIZED_PERSON: "/company/notifications",
  CONSCRIPT: "/me/notifications",
  OFFICIAL: "/ministry/notifications",
  RECRUITER: "/unit/notifications",
  UNIT_STAFF_OFFICER: "/staff/notifications",
  TCK_OFFICER: "/tck/notifications",
  TCK_HEAD: "/tck/notifications",
  CENTRE_RECRUITER: "/centre/notifications",
};
