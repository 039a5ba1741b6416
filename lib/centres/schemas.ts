// Inputs of the recruitment centres and basic military service, shared by forms, server actions
// and the domain functions. Pure.
import { z } from "@/lib/zod";

/** Why a citizen visits a centre. */
export const VISIT_PURPOSES = {
  CONTRACT: "Вступ на військову службу за контрактом",
  BASIC_SERVICE: "Базова військова служба",
  CONSULTATION: "Консультація рекрутера",
} as const;
export type VisitPurpose = keyof typeof VISIT_PURPOSES;

/** The specialties a basic-service applicant may choose (ВОС, as the registry spells them). */
export const BASIC_SERVICE_SPECIALTIES = [
  "100182 — стрілець",
  "150125 — оператор БпЛА",
  "181084 — радіотелефоніст",
  "199176 — сапер",
  "427077 — водій автомобільної техніки",
  "841123 — бойовий медик",
] as const;

const ZIsoDate = z.iso.date("Дата у форматі РРРР-ММ-ДД");
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Час у форматі ГГ:ХХ");

export const ZCentreId = z.object({ centreId: z.uuid("Рекрутинговий центр не знайдено") }).strict();

/** The centre catalogue's filter in the query string; anything odd is dropped, not an error. */
export const ZCentreFilters = z.object({ region: z.string().trim().max(100).optional().catch(undefined) });

/** The day whose slots the booking page shows; an odd one falls back to the first open day. */
export const ZScheduleQuery = z.object({
  centreId: z.uuid("Рекрутинговий центр не знайдено"),
  day: ZIsoDate.optional().catch(undefined),
});

export const ZBookVisit = z
  .object({
    centreId: z.uuid("Рекрутинговий центр не знайдено"),
    day: ZIsoDate,
    time: ZTime,
    purpose: z.enum(Object.keys(VISIT_PURPOSES) as [VisitPurpose, ...VisitPurpose[]], "Оберіть мету візиту"),
  })
  .strict();

export const ZVisitId = z.object({ visitId: z.uuid("Запис не знайдено") }).strict();

/** The recruiter's mark: the visitor came, or did not. */
export const VISIT_ATTENDANCE = { CAME: "Прийшов", NO_SHOW: "Не прийшов" } as const;
export type VisitAttendance = keyof typeof VISIT_ATTENDANCE;

export const ZMarkCentreVisit = z
  .object({
    visitId: z.uuid("Запис не знайдено"),
    attendance: z.enum(["CAME", "NO_SHOW"], "Оберіть: прийшов чи не прийшов"),
  })
  .strict();

/** The recruiter's list of one day's visits. */
export const ZVisitDay = z.object({ day: ZIsoDate.optional().catch(undefined) });

export const ZApplyForBasicService = z
  .object({
    centreId: z.uuid("Оберіть рекрутинговий центр"),
    specialty: z.enum(BASIC_SERVICE_SPECIALTIES, "Оберіть спеціальність зі списку"),
  })
  .strict();

export const ZBasicServiceDecision = z
  .object({
    applicationId: z.uuid("Заяву не знайдено"),
    decision: z.enum(["ACCEPTED", "DECLINED"], "Оберіть рішення: прийняти або відхилити"),
    comment: z
      .string()
      .trim()
      .max(1000, "Коментар має бути не довшим за 1000 символів")
      // nullish: the action parses first and hands the domain its output (null for "no comment").
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .strict()
  .refine((input) => input.decision === "ACCEPTED" || input.comment !== null, {
    path: ["comment"],
    message: "Поясніть заявникові причину відмови",
  });
