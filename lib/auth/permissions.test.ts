import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { PERMISSIONS, assertActsFor, assertCan, can } from "./permissions";
import { actorFromRoleOption, ROLES, type Actor } from "./roles";

const actor = (role: Actor["role"], edrpou = "32855961"): Actor =>
  actorFromRoleOption(
    { userId: "u", rnokpp: "1759013776", fullName: "Тест", via: "password" },
    { role, edrpou, authorityId: "a", unitId: "u" },
  )!;

describe("permissions", () => {
  it("every role has an entry", () => {
    for (const role of ROLES) expect(PERMISSIONS[role].length).toBeGreaterThan(0);
  });

  it("only the head signs; an authorized person only prepares", () => {
    expect(can(actor("ENTERPRISE_HEAD"), "applications.sign")).toBe(true);
    expect(can(actor("AUTHORIZED_PERSON"), "applications.prepare")).toBe(true);
    expect(can(actor("AUTHORIZED_PERSON"), "applications.sign")).toBe(false);
  });

  it("refuses unknown roles and missing actors", () => {
    expect(can({ role: "SUPERUSER" as never }, "decisions.read")).toBe(false);
    expect(can(null, "decisions.read")).toBe(false);
    expect(() => assertCan(null, "decisions.read")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => assertCan(actor("CONSCRIPT"), "decisions.write")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", status: 403 }),
    );
  });

  it("a foreign enterprise is reported as not found", () => {
    expect(() => assertActsFor(actor("ENTERPRISE_HEAD", "32855961"), "38728444")).toThrow(AppError);
    expect(() => assertActsFor(actor("ENTERPRISE_HEAD", "32855961"), "32855961")).not.toThrow();
  });
});
