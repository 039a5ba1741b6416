// Fixed demo logins, one or more for every role. Officials and the administrator sign in
// with their e-mail and password (and a TOTP code from `totpSecret`); everyone else signs in
// with their РНОКПП and password. Heads and conscripts get their roles from the registry at
// sign-in (Enterprise.headRnokpp, military registration), so the seed gives them no membership.
// Pure data: safe to import from tests, scripts and the login page.

import { DEMO_CENTRE_CODE } from "./data/recruitment-centres";

export type DemoRole =
  | "ADMIN"
  | "OFFICIAL"
  | "ENTERPRISE_HEAD"
  | "AUTHORIZED_PERSON"
  | "CONSCRIPT"
  | "RECRUITER"
  | "METHODOLOGIST"
  | "UNIT_STAFF_OFFICER"
  | "TCK_OFFICER"
  | "TCK_HEAD"
  | "CENTRE_RECRUITER";

export type DemoUser = {
  key: string;
  role: DemoRole;
  /** Ukrainian label of the role for the login page. */
  roleLabel: string;
  /** E-mail for officials and the administrator, РНОКПП for everyone else. */
  login: string;
  password: string;
  fullName: string;
  rnokpp: string;
  edrpou?: string;
  authorityCode?: string;
  unitCode?: string;
  /** ТЦК officers and heads: their ТЦК (oberig.tccs.name). */
  tcc?: string;
  /** Centre recruiters: their recruitment centre's code (data/recruitment-centres.ts). */
  centreCode?: string;
  email?: string;
  /** Base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s). */
  totpSecret?: string;
};

/** The demo enterprises (ЄДРПОУ), fixed so that docs and tests can name them. */
export const DEMO_EDRPOU = {
  /** ПрАТ «Дніпровський завод енергетичного машинобудування»: 10,000 employees, critical. */
  big: "34218763",
  /** ТОВ «Поділля-Агро»: 14 employees, critical, its limit nearly used. */
  small: "43892157",
  /** ТОВ «Кавова майстерня Ринок»: not critical. */
  nonCritical: "44782305",
} as const;

export const DEMO_AUTHORITY_CODES = { economy: "mineconomy", kharkivOva: "ova-kharkivska" } as const;
export const DEMO_UNIT_CODE = "А4521";
/** The demo recruitment centre: the demo centre recruiter works there. */
export { DEMO_CENTRE_CODE };
/** The demo ТЦК: both demo conscripts are on its register. */
export const DEMO_TCC = "Соборний РТЦК та СП м. Дніпра";

export const DEMO_USERS: ReadonlyArray<DemoUser> = [
  {
    key: "admin",
    role: "ADMIN",
    roleLabel: "Адміністратор порталу",
    login: "admin@bronya.gov.ua",
    password: "demo-admin-2026",
    fullName: "Кравчук Тарас Олегович",
    rnokpp: "3248108255",
    email: "admin@bronya.gov.ua",
    totpSecret: "RIDEEGHM3SFQDXAJNJ3MYDYXUACR66EJ",
  },
  {
    key: "official-economy",
    role: "OFFICIAL",
    roleLabel: "Посадова особа Мінекономіки",
    login: "o.marchenko@me.gov.ua",
    password: "demo-official-2026",
    fullName: "Марченко Олена Вікторівна",
    rnokpp: "2997504664",
    authorityCode: DEMO_AUTHORITY_CODES.economy,
    email: "o.marchenko@me.gov.ua",
    totpSecret: "D5AN4574JWAQD6CXXGASI6PA5GM642GD",
  },
  {
    key: "methodologist",
    role: "METHODOLOGIST",
    roleLabel: "Методолог Мінекономіки (правила бронювання)",
    login: "n.hrytsenko@me.gov.ua",
    password: "demo-methodologist-2026",
    fullName: "Гриценко Наталія Петрівна",
    rnokpp: "3081808348",
    authorityCode: DEMO_AUTHORITY_CODES.economy,
    email: "n.hrytsenko@me.gov.ua",
    totpSecret: "KRSXG5CTMVRXEZLUKN2XAZLSONSW4Y3F",
  },
  {
    key: "official-ova",
    role: "OFFICIAL",
    roleLabel: "Посадова особа Харківської ОВА",
    login: "i.savchuk@kharkivoda.gov.ua",
    password: "demo-ova-2026",
    fullName: "Савчук Ігор Васильович",
    rnokpp: "2763503576",
    authorityCode: DEMO_AUTHORITY_CODES.kharkivOva,
    email: "i.savchuk@kharkivoda.gov.ua",
    totpSecret: "NBPTS37OFBVMDIB3H2XSZULI6G7LQDY7",
  },
  {
    key: "head-big",
    role: "ENTERPRISE_HEAD",
    roleLabel: "Керівник підприємства (10 000 працівників)",
    login: "2491006118",
    password: "demo-head-2026",
    fullName: "Бондаренко Віктор Миколайович",
    rnokpp: "2491006118",
    edrpou: DEMO_EDRPOU.big,
    email: "v.bondarenko@dzem.com.ua",
  },
  {
    key: "head-small",
    role: "ENTERPRISE_HEAD",
    roleLabel: "Керівник малого критичного підприємства",
    login: "2918101830",
    password: "demo-head-small-2026",
    fullName: "Мельник Олег Петрович",
    rnokpp: "2918101830",
    edrpou: DEMO_EDRPOU.small,
    email: "o.melnyk@podillia-agro.com.ua",
  },
  {
    key: "authorized-big",
    role: "AUTHORIZED_PERSON",
    roleLabel: "Уповноважена особа підприємства",
    login: "3129102947",
    password: "demo-authorized-2026",
    fullName: "Ткаченко Ірина Олександрівна",
    rnokpp: "3129102947",
    edrpou: DEMO_EDRPOU.big,
    email: "i.tkachenko@dzem.com.ua",
  },
  {
    key: "head-noncritical",
    role: "ENTERPRISE_HEAD",
    roleLabel: "Керівник некритичного підприємства",
    login: "3303405263",
    password: "demo-head-noncritical-2026",
    fullName: "Гнатюк Софія Андріївна",
    rnokpp: "3303405263",
    edrpou: DEMO_EDRPOU.nonCritical,
    email: "s.hnatiuk@rynok.coffee",
  },
  {
    key: "conscript-reserved",
    role: "CONSCRIPT",
    roleLabel: "Військовозобов'язаний (заброньований)",
    login: "3333407195",
    password: "demo-conscript-2026",
    fullName: "Коваленко Андрій Сергійович",
    rnokpp: "3333407195",
    email: "andrii.kovalenko@gmail.com",
  },
  {
    key: "conscript-eligible",
    role: "CONSCRIPT",
    roleLabel: "Військовозобов'язаний (може бути заброньований)",
    login: "3462510431",
    password: "demo-conscript-eligible-2026",
    fullName: "Лисенко Дмитро Іванович",
    rnokpp: "3462510431",
    email: "dmytro.lysenko@ukr.net",
  },
  {
    key: "recruiter",
    role: "RECRUITER",
    roleLabel: "Рекрутер військової частини",
    login: "3365001554",
    password: "demo-recruiter-2026",
    fullName: "Руденко Максим Юрійович",
    rnokpp: "3365001554",
    unitCode: DEMO_UNIT_CODE,
    email: "recruiting.a4521@post.mil.gov.ua",
  },
  {
    key: "unit-staff-officer",
    role: "UNIT_STAFF_OFFICER",
    roleLabel: "Офіцер стройової частини (підтверджує службу)",
    login: "3135805633",
    password: "demo-staff-officer-2026",
    fullName: "Левченко Ігор Вікторович",
    rnokpp: "3135805633",
    unitCode: DEMO_UNIT_CODE,
    email: "stroy.a4521@post.mil.gov.ua",
  },
  {
    key: "veteran",
    role: "CONSCRIPT",
    roleLabel: "Ветеран (служба підтверджена)",
    login: "3190808357",
    password: "demo-veteran-2026",
    fullName: "Петренко Олександр Миколайович",
    rnokpp: "3190808357",
    email: "o.petrenko.vet@ukr.net",
  },
  {
    key: "veteran-unconfirmed",
    role: "CONSCRIPT",
    roleLabel: "Ветеран (період служби не підтверджено)",
    login: "3290612472",
    password: "demo-veteran-unconfirmed-2026",
    fullName: "Савченко Богдан Петрович",
    rnokpp: "3290612472",
    email: "b.savchenko@gmail.com",
  },
  {
    key: "conscript-young",
    role: "CONSCRIPT",
    roleLabel: "Призовник, 20 років (базова військова служба)",
    login: "3878512374",
    password: "demo-conscript-young-2026",
    fullName: "Бондар Артем Олегович",
    rnokpp: "3878512374",
    email: "artem.bondar2006@gmail.com",
  },
  {
    key: "centre-recruiter",
    role: "CENTRE_RECRUITER",
    roleLabel: "Рекрутер рекрутингового центру (РЦ-01, Київ)",
    login: "3271022811",
    password: "demo-centre-recruiter-2026",
    fullName: "Ткачук Віталій Андрійович",
    rnokpp: "3271022811",
    centreCode: DEMO_CENTRE_CODE,
    email: "rc01.kyiv@post.mil.gov.ua",
  },
  {
    key: "tck-officer",
    role: "TCK_OFFICER",
    roleLabel: "Посадова особа ТЦК та СП",
    login: "o.shevchuk@tck.dp.ua",
    password: "demo-tck-officer-2026",
    fullName: "Шевчук Олександр Романович",
    rnokpp: "3193908273",
    tcc: DEMO_TCC,
    email: "o.shevchuk@tck.dp.ua",
    totpSecret: "KB2UC43BBE2A6RAKH4FEGSAKGQIUYWYN",
  },
  {
    key: "tck-head",
    role: "TCK_HEAD",
    roleLabel: "Начальник ТЦК та СП (підписує повістки)",
    login: "v.moroz@tck.dp.ua",
    password: "demo-tck-head-2026",
    fullName: "Мороз Василь Григорович",
    rnokpp: "2800505436",
    tcc: DEMO_TCC,
    email: "v.moroz@tck.dp.ua",
    totpSecret: "ON5G6FSDOIQD2ZQYFV6VORTIBYRAGSR3",
  },
];

export function demoUser(key: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new RangeError(`no demo user ${key}`);
  return user;
}
