// Words and chip colours of recruitment statuses. Pure and browser-safe.
import type { Tone } from "@/lib/citizen/status-info";

export type VacancyApplicationStatus = "SUBMITTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";

export const APPLICATION_STATUS_INFO: Record<VacancyApplicationStatus, { label: string; tone: Tone; hint: string }> = {
  SUBMITTED: {
    label: "Подано",
    tone: "pending",
    hint: "Частина розглядає відгук. Рекрутер зв'яжеться з вами за вказаними контактами.",
  },
  ACCEPTED: {
    label: "Прийнято",
    tone: "success",
    hint: "Частина готова взяти вас. Далі — лист-відношення, ВЛК і психологічний відбір у ТЦК та СП.",
  },
  DECLINED: {
    label: "Відхилено",
    tone: "fail",
    hint: "Частина відмовила. Причину вказано в коментарі; ви можете відгукнутися на інші вакансії.",
  },
  WITHDRAWN: {
    label: "Відкликано",
    tone: "neutral",
    hint: "Ви відкликали відгук. Його можна подати знову, доки вакансія відкрита.",
  },
};

export const VACANCY_STATUS_INFO: Record<"OPEN" | "CLOSED", { label: string; tone: Tone }> = {
  OPEN: { label: "Відкрита", tone: "success" },
  CLOSED: { label: "Закрита", tone: "neutral" },
};
