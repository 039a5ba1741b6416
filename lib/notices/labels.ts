// Words and badge tones for a notice's status: the ТЦК cabinet, the citizen's cabinet and the PDF.

export const NOTICE_STATUS_LABELS = {
  FORMED: "Сформовано, очікує підпису",
  SIGNED: "Підписано, готово до надсилання",
  SENT: "Надіслано поштою",
  DELIVERED: "Вручено",
  REFUSED: "Відмова від отримання",
  RETURNED: "Повернуто як невручене",
  WITHDRAWN: "Відкликано",
} as const;

export type NoticeStatusCode = keyof typeof NOTICE_STATUS_LABELS;

export const NOTICE_STATUS_TONES: Record<
  NoticeStatusCode,
  "success" | "pending" | "fail" | "neutral" | "info" | "warning"
> = {
  FORMED: "pending",
  SIGNED: "info",
  SENT: "info",
  DELIVERED: "success",
  REFUSED: "warning",
  RETURNED: "warning",
  WITHDRAWN: "neutral",
};

/** The legal basis printed on a notice of each kind (the mobilisation age's basis is added from the dated ruleset). */
export const NOTICE_LEGAL_BASIS = {
  CLARIFY_DATA:
    "Закон України «Про військовий обов'язок і військову службу»; Порядок організації та ведення військового обліку призовників, військовозобов'язаних та резервістів, затверджений постановою Кабінету Міністрів України від 30.12.2022 № 1487",
  VLK: "Закон України «Про військовий обов'язок і військову службу»; Закон України «Про мобілізаційну підготовку та мобілізацію»; Положення про військово-лікарську експертизу в Збройних Силах України",
  MOBILISATION:
    "Закон України «Про мобілізаційну підготовку та мобілізацію»; Порядок проведення призову громадян на військову службу під час мобілізації, затверджений постановою Кабінету Міністрів України від 16.05.2024 № 560",
} as const;

/** What the notice calls the person for, as the sentence «…з'явитися … <purpose>» ends. */
export const NOTICE_PURPOSE = {
  CLARIFY_DATA: "для уточнення військово-облікових даних",
  VLK: "для проходження військово-лікарської комісії",
  MOBILISATION: "для відправлення до військової частини",
} as const;
