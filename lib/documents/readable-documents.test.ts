import { describe, expect, it } from "vitest";
import { readableDocumentConditions } from "./readable-documents";

const RNOKPP = "2491006118";

describe("readableDocumentConditions", () => {
  it("lets a head and an authorized person read their enterprise's documents and what they signed", () => {
    expect(readableDocumentConditions({ role: "ENTERPRISE_HEAD", rnokpp: RNOKPP, edrpou: "34218763" })).toEqual([
      { signerRnokpp: RNOKPP },
      { edrpou: "34218763" },
    ]);
    expect(readableDocumentConditions({ role: "AUTHORIZED_PERSON", rnokpp: RNOKPP, edrpou: "34218763" })).toEqual([
      { signerRnokpp: RNOKPP },
      { edrpou: "34218763" },
    ]);
  });

  it("lets an official read their authority's documents, not an enterprise's by its code", () => {
    expect(
      readableDocumentConditions({ role: "OFFICIAL", rnokpp: RNOKPP, authorityId: "a1", edrpou: "34218763" }),
    ).toEqual([{ signerRnokpp: RNOKPP }, { authorityId: "a1" }]);
  });

  it("gives every other role only what the person signed, and nothing without an identity", () => {
    for (const role of ["CONSCRIPT", "RECRUITER", "ADMIN"] as const) {
      expect(readableDocumentConditions({ role, rnokpp: RNOKPP, edrpou: "34218763", authorityId: "a1" }), role).toEqual(
        [{ signerRnokpp: RNOKPP }],
      );
    }
    expect(readableDocumentConditions({ role: "ENTERPRISE_HEAD", rnokpp: null })).toEqual([]);
    expect(readableDocumentConditions({ role: "OFFICIAL", rnokpp: null })).toEqual([]);
  });
});
