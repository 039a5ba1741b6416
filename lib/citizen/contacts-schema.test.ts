import { describe, expect, it } from "vitest";
import { normalizeUkrainianPhone, ZContacts } from "./contacts-schema";

const valid = { phone: "+380671234567", email: "Name@Example.com", address: "м. Дніпро, вул. Вишнева, 8, кв. 54" };

describe("contacts schema", () => {
  it("accepts valid contacts and normalizes them", () => {
    expect(ZContacts.parse({ ...valid, phone: "067 123-45-67", address: "  м. Дніпро,   вул. Вишнева, 8  " })).toEqual({
      phone: "+380671234567",
      email: "name@example.com",
      address: "м. Дніпро, вул. Вишнева, 8",
    });
  });

  it.each([
    ["067 123 45 67", "+380671234567"],
    ["380671234567", "+380671234567"],
    ["+38 (067) 123-45-67", "+380671234567"],
    ["+48123456789", "+48123456789"],
  ])("normalizes phone %s", (raw, expected) => {
    expect(normalizeUkrainianPhone(raw)).toBe(expected);
  });

  it("an empty e-mail removes it, a missing one too", () => {
    expect(ZContacts.parse({ ...valid, email: " " }).email).toBeNull();
    expect(ZContacts.parse({ phone: valid.phone, address: valid.address }).email).toBeNull();
  });

  it.each([
    [{ phone: "+48123456789" }, "phone", "Номер телефону має бути у форматі +380XXXXXXXXX"],
    [{ phone: "+38067123456" }, "phone", "Номер телефону має бути у форматі +380XXXXXXXXX"],
    [{ phone: "" }, "phone", "Вкажіть номер телефону"],
    [{ email: "not-an-email" }, "email", "Вкажіть коректну адресу електронної пошти, наприклад name@example.com"],
    [{ address: "Київ" }, "address", "Адреса має містити щонайменше 10 символів: населений пункт, вулицю, будинок"],
    [{ address: "x".repeat(301) }, "address", "Адреса має бути не довшою за 300 символів"],
    [{ address: "" }, "address", "Вкажіть адресу проживання"],
    [{ address: "м. Київ, <script>alert(1)</script>" }, "address", "Адреса містить недопустимі символи"],
  ])("refuses %o with a Ukrainian message on %s", (patch, field, message) => {
    const result = ZContacts.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toBe(message);
  });

  it("refuses unknown fields (identity never comes from the form)", () => {
    expect(ZContacts.safeParse({ ...valid, rnokpp: "3333407195" }).success).toBe(false);
  });
});
