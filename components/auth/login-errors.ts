/** Ukrainian text for the codes the sign-in providers return. */
export const LOGIN_ERRORS: Record<string, string> = {
  INVALID_CREDENTIALS: "Неправильний логін або пароль.",
  TOTP_REQUIRED: "Введіть одноразовий код із застосунку-автентифікатора.",
  TOTP_INVALID: "Одноразовий код неправильний або застарів. Введіть новий код.",
  ACCOUNT_LOCKED: "Забагато невдалих спроб. Обліковий запис тимчасово заблоковано — спробуйте через 15 хвилин.",
  NO_ROLES: "Для цього облікового запису немає жодної ролі в порталі.",
  RATE_LIMITED: "Забагато спроб. Спробуйте пізніше.",
  CredentialsSignin: "Не вдалося увійти. Перевірте дані.",
  INTERNAL: "Сталася помилка. Спробуйте ще раз.",
};

export function loginErrorText(code: string | null | undefined) {
  if (!code) return null;
  return LOGIN_ERRORS[code] ?? LOGIN_ERRORS.INTERNAL!;
}
