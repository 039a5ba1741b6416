// Inputs of the recruitment cabinets, shared by forms and server actions. Pure.
import { z } from "@/lib/zod";

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

export const VACANCY_PAGE_SIZE = 12;

/** The catalogue's filters as they arrive in the query string; anything odd is dropped, not an error. */
export const ZVacancyFilters = z.object({
  region: text(100, "Задовга назва області").optional().catch(undefined),
  specialty: text(100, "Задовга назва спеціальності").optional().catch(undefined),
  branch: text(100, "Задовга назва роду військ").optional().catch(undefined),
  q: text(100, "Задовгий пошуковий запит").optional().catch(undefined),
  /** A recruitment centre's id: the vacancies of the units it recruits for. */
  centre: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type VacancyFilters = z.output<typeof ZVacancyFilters>;

export const ZApplyToVacancy = z
  .object({
    vacancyId: z.uuid("Вакансію не знайдено"),
    comment: text(500, "Коментар має бути не довшим за 500 символів")
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .strict();

export const ZVacancyApplicationId = z.object({ applicationId: z.uuid("Відгук не знайдено") }).strict();

export const ZDecideVacancyApplication = z
  .object({
    applicationId: z.uuid("Відгук не знайдено"),
    decision: z.enum(["ACCEPTED", "DECLINED"], { error: "Оберіть рішення: прийняти або відхилити" }),
    comment: text(1000, "Коментар має бути не довшим за 1000 символів")
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .strict()
  .refine((input) => input.decision === "ACCEPTED" || input.comment !== null, {
    path: ["comment"],
    message: "Поясніть кандидатові причину відмови",
  });

export const ZVacancyInput = z
  .object({
    title: text(120, "Назва посади має бути не довшою за 120 символів").min(
      3,
      "Вкажіть назву посади (щонайменше 3 символи)",
    ),
    specialty: text(120, "Спеціальність має бути не довшою за 120 символів").min(2, "Вкажіть спеціальність або ВОС"),
    region: text(100, "Назва області задовга").min(2, "Вкажіть область, де служитиме кандидат"),
    requirements: text(2000, "Вимоги мають бути не довшими за 2000 символів").min(3, "Опишіть вимоги до кандидата"),
    description: text(4000, "Опис має бути не довшим за 4000 символів").min(
      10,
      "Опишіть посаду (щонайменше 10 символів)",
    ),
  })
  .strict();
export type VacancyInput = z.output<typeof ZVacancyInput>;

export const ZUpdateVacancy = ZVacancyInput.extend({ vacancyId: z.uuid("Вакансію не знайдено") }).strict();
export const ZVacancyId = z.object({ vacancyId: z.uuid("Вакансію не знайдено") }).strict();
