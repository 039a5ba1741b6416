// Short words for tables and chips, where the rules' full labels do not fit. Browser-safe.
import type { LimitCategory } from "@/lib/rules";
import type { DecisionSortKey } from "./schemas";

export const LIMIT_CATEGORY_SHORT: Record<LimitCategory, string> = {
  DEFAULT_50: "Загальна",
  DEFENCE_100: "ОПК",
  FRONTLINE_100: "Прифронтова",
  DRONE_WEAPONS_100: "Дрони й озброєння",
  MEDICAL_100: "Медична",
  LIFE_SUPPORT_75: "Життєзабезпечення",
  UKRZALIZNYTSIA_80: "Укрзалізниця",
  ENERGY_EQUIPMENT_100: "Енергообладнання",
};

export const DECISION_SORT_LABELS: Record<DecisionSortKey, string> = {
  decidedOn: "Дата рішення",
  validUntil: "Строк дії",
  name: "Назва",
  edrpou: "ЄДРПОУ",
  usage: "Використання ліміту",
  reserved: "Заброньовано",
};
