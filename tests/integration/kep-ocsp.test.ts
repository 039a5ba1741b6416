import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createKeyPool, createTestPki, issueTestSigner, HEAD } from "@/lib/kep/testing/test-pki";
import { answerOcspRequest } from "@/lib/kep/provider/answer-ocsp";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { cryptoEngine } from "@/lib/kep/verify/crypto-engine";
import { createCtx } from "@/lib/context-server";

// The OCSP responder, queried with requests built by PKI.js as a relying party would.

let issuing: pkijs.Certificate;
let root: pkijs.Certificate;

async function ask(certificateDer: Uint8Array<ArrayBuffer>, issuer = issuing, hashAlgorithm = "SHA-256") {
  const certificate = pkijs.Certificate.fromBER(certificateDer);
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(certificate, { hashAlgorithm, issuerCertificate: issuer }, cryptoEngine);
  const nonce = new asn1js.OctetString({ valueHex: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer });
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({ extnID: "1.3.6.1.5.5.7.48.1.2", extnValue: nonce.toBER() }),
  ];
  const answer = pkijs.OCSPResponse.fromBER(
    await answerOcspRequest(createCtx({ actor: null }), new Uint8Array(request.toSchema(true).toBER())),
  );
  expect(answer.responseStatus.valueBlock.valueDec).toBe(0);
  const basic = pkijs.BasicOCSPResponse.fromBER(answer.responseBytes!.response.getValue());
  const echoed = basic.tbsResponseData.responseExtensions?.find(
    (extension) => extension.extnID === "1.3.6.1.5.5.7.48.1.2",
  );
  expect(Buffer.from(echoed!.extnValue.getValue()).toString("hex")).toBe(Buffer.from(nonce.toBER()).toString("hex"));
  const single = basic.tbsResponseData.responses[0]!;
  return { status: (single.certStatus as asn1js.AsnType).idBlock.tagNumber, single, basic };
}

beforeAll(async () => {
  const provider = await ensureTestProvider({ db, now: new Date() });
  issuing = pkijs.Certificate.fromBER(provider.issuingDer);
  root = pkijs.Certificate.fromBER(provider.rootDer);
});

describe("answerOcspRequest", () => {
  it("answers good for a live certificate, then revoked with time and reason at once", async () => {
    const issued = await issueCertificate(createCtx({ actor: null }), {
      rnokpp: HEAD.rnokpp,
      fullName: HEAD.fullName,
      password: "Ocsp-Key-123",
    });
    const good = await ask(issued.certificateDer);
    expect(good.status).toBe(0);
    expect(await good.basic.verify({ trustedCerts: [root] }, cryptoEngine)).toBe(true);
    expect((await ask(issued.certificateDer, issuing, "SHA-1")).status).toBe(0);

    await revokeCertificate(createCtx({ actor: null, now: new Date("2026-11-10T08:00:00Z") }), {
      serial: issued.serial,
      reason: "affiliationChanged",
    });
    const { status, single, basic } = await ask(issued.certificateDer);
    expect(status).toBe(1);
    expect(await basic.verify({ trustedCerts: [root] }, cryptoEngine)).toBe(true);
    const revokedInfo = (single.certStatus as asn1js.Constructed).valueBlock.value;
    expect((revokedInfo[0] as asn1js.GeneralizedTime).toDate().toISOString()).toBe("2026-11-10T08:00:00.000Z");
    const reason = (revokedInfo[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Enumerated;
    expect(reason.valueBlock.valueDec).toBe(3);
  });

  it("answers unknown for a certificate of another issuer, even one with the same names", async () => {
    const keys = await createKeyPool(3);
    const foreign = await createTestPki([keys[0]!, keys[1]!]);
    const impostor = issueTestSigner(foreign.issuing, keys[2]!, HEAD);
    const foreignIssuer = pkijs.Certificate.fromBER(foreign.issuingDer);
    const { status, basic } = await ask(impostor.certificateDer, foreignIssuer);
    expect(status).toBe(2);
    // A relying party would not take our word for another issuer's certificate anyway.
    await expect(basic.verify({ trustedCerts: [root] }, cryptoEngine)).rejects.toThrow(/not authorized/);
  });

  it("answers malformedRequest to garbage, and to nothing", async () => {
    for (const body of [new TextEncoder().encode("not ocsp"), new Uint8Array(), new Uint8Array(20_000)]) {
      const answer = pkijs.OCSPResponse.fromBER(await answerOcspRequest(createCtx({ actor: null }), body));
      expect(answer.responseStatus.valueBlock.valueDec).toBe(1);
      expect(answer.responseBytes).toBeUndefined();
    }
  });
});
