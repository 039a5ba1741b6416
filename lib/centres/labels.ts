// Ukrainian names of the basic-service application states. Pure.
export const BASIC_SERVICE_STATUS_INFO: Record<
  "SUBMITTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN",
  { label: string; tone: "pending" | "success" | "fail" | "neutral" }
> = {
  SUBMITTED: { label: "Очікує рішення центру", tone: "pending" },
  ACCEPTED: { label: "Прийнято", tone: "success" },
  DECLINED: { label: "Відхилено", tone: "fail" },
  WITHDRAWN: { label: "Відкликано", tone: "neutral" },
};
