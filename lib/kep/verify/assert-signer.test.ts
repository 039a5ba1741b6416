import { describe, expect, it } from "vitest";
import { assertSignerIsEnterpriseHead, assertSignerIsOfficial } from "./assert-signer";

const codeOf = (action: () => void) => {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "accepted";
};

const head = { rnokpp: "2856200248", edrpou: "43556710" };

describe("assertSignerIsEnterpriseHead", () => {
  const enterprise = { edrpou: "43556710", headRnokpp: "2856200248" };

  it("accepts the registered head with a key issued for this ЄДРПОУ", () => {
    expect(codeOf(() => assertSignerIsEnterpriseHead(head, enterprise))).toBe("accepted");
  });

  it("refuses a person who is not the head, even with a key for this ЄДРПОУ: SIGNER_NOT_HEAD", () => {
    expect(codeOf(() => assertSignerIsEnterpriseHead({ rnokpp: "1759013776", edrpou: "43556710" }, enterprise))).toBe(
      "SIGNER_NOT_HEAD",
    );
  });

  it("refuses everyone when the registry names no head: SIGNER_NOT_HEAD", () => {
    expect(codeOf(() => assertSignerIsEnterpriseHead(head, { edrpou: "43556710", headRnokpp: null }))).toBe(
      "SIGNER_NOT_HEAD",
    );
  });

  it("refuses the head's key issued for another ЄДРПОУ: EDRPOU_MISMATCH", () => {
    expect(codeOf(() => assertSignerIsEnterpriseHead({ rnokpp: "2856200248", edrpou: "32855961" }, enterprise))).toBe(
      "EDRPOU_MISMATCH",
    );
  });

  it("refuses the head's personal key without ЄДРПОУ: EDRPOU_MISMATCH", () => {
    expect(codeOf(() => assertSignerIsEnterpriseHead({ rnokpp: "2856200248" }, enterprise))).toBe("EDRPOU_MISMATCH");
  });
});

describe("assertSignerIsOfficial", () => {
  const authority = { edrpou: "00013480", officialRnokpps: ["3012345671", "2856200248"] };

  it("accepts an official of the authority with a key issued for it", () => {
    expect(codeOf(() => assertSignerIsOfficial({ rnokpp: "2856200248", edrpou: "00013480" }, authority))).toBe(
      "accepted",
    );
  });

  it("refuses someone who is not an official there: SIGNER_NOT_OFFICIAL", () => {
    expect(codeOf(() => assertSignerIsOfficial({ rnokpp: "1759013776", edrpou: "00013480" }, authority))).toBe(
      "SIGNER_NOT_OFFICIAL",
    );
    expect(
      codeOf(() =>
        assertSignerIsOfficial({ rnokpp: "1759013776", edrpou: "00013480" }, { ...authority, officialRnokpps: [] }),
      ),
    ).toBe("SIGNER_NOT_OFFICIAL");
  });

  it("refuses an official's key issued for another body: EDRPOU_MISMATCH", () => {
    expect(codeOf(() => assertSignerIsOfficial({ rnokpp: "2856200248", edrpou: "43556710" }, authority))).toBe(
      "EDRPOU_MISMATCH",
    );
  });
});
