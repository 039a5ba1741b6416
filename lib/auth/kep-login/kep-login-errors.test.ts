import { describe, expect, it } from "vitest";
import { KEP_ERROR_CODES } from "@/lib/kep/errors";
import { kepLoginError, kepLoginErrorText } from "./kep-login-errors";

describe("kepLoginErrorText", () => {
  it("says a revoked key was revoked and what to do", () => {
    expect(kepLoginErrorText("CERTIFICATE_REVOKED")).toMatch(/^Сертифікат скасовано: вхід із цим ключем неможливий/);
  });

  it("has Ukrainian words for every КЕП code and every login refusal", () => {
    for (const code of [
      ...KEP_ERROR_CODES,
      "KEP_LOGIN_CHALLENGE_INVALID",
      "NO_ROLES",
      "ACCOUNT_DISABLED",
      "RATE_LIMITED",
    ]) {
      expect(kepLoginErrorText(code), code).toMatch(/[а-яіїєґ]/i);
    }
  });

  it("asks for one more try when the challenge was spent, and leaves other codes to the caller", () => {
    for (const code of ["NONCE_USED", "NONCE_EXPIRED", "NONCE_UNKNOWN"])
      expect(kepLoginErrorText(code)).toMatch(/натисніть «Увійти з КЕП» ще раз/);
    expect(kepLoginErrorText("INVALID_CREDENTIALS")).toBeUndefined();
  });

  it("builds errors with their status", () => {
    expect(kepLoginError("RATE_LIMITED")).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(kepLoginError("NO_ROLES")).toMatchObject({ status: 403 });
  });
});
