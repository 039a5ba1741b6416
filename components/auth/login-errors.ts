/** Ukrainian text for the codes the sign-in providers return. */
export const LOGIN_ERRORS: Record<string, string> = {
  // One answer for a wrong password, a missing login and a slowed-down one (lib/auth/login-throttle.ts).
  INVALID_CREDENTIALS:
    "Неправильний логін або пароль. Після кількох невдалих спроб вхід сповільнюється: зачекайте хвилину й спробуйте знову.",
  TOTP_REQUIRED: "Введіть одноразовий код із застосунку-автентифікатора.",
  TOTP_INVALID: "Одноразовий код неправильний, застарів або вже використаний. Дочекайтеся нового коду.",
  NO_ROLES: "Для цього облікового запису немає жодної ролі в порталі.",
  RATE_LIMITED: "Забагато спроб. Спробуйте пізніше.",
  CredentialsSignin: "Не вдалося увійти. Перевірте дані.",
  INTERNAL: "Сталася помилка. Спробуйте ще раз.",
};

export function loginErrorText(code: string | null | undefined) {
  if (!code) return null;
  return LOGIN_ERRORS[code] ?? LOGIN_ERRORS.INTERNAL!;
}
