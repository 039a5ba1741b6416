import * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";
import { GET as getCaCertificate } from "@/app/api/pki/ca/[kind]/route";
import { GET as getCrl } from "@/app/api/pki/crl/route";
import { POST as postOcsp } from "@/app/api/pki/ocsp/route";
import { db } from "@/lib/db/client";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { revokeCertificate } from "@/lib/kep/provider/revoke-certificate";
import { cryptoEngine } from "@/lib/kep/verify/crypto-engine";
import { createCtx } from "@/lib/context-server";

// The PKI route handlers called as Next calls them: a Request in, a Response out.

const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("/api/pki before the provider exists", () => {
  it("answers 503 with a clear code, not a crash", async () => {
    const response = await getCrl(new Request("http://portal.test/api/pki/crl"), params({}));
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("PROVIDER_NOT_INITIALIZED");
    const ocsp = await postOcsp(
      new Request("http://portal.test/api/pki/ocsp", { method: "POST", body: new Uint8Array([0x30, 0x00]) }),
      params({}),
    );
    expect(ocsp.headers.get("content-type")).toBe("application/ocsp-response");
  });
});

describe("/api/pki with the provider", () => {
  it("GET /api/pki/crl serves a DER CRL signed by the issuing CA that lists a revocation at once", async () => {
    const provider = await ensureTestProvider({ db, now: new Date() });
    const issued = await issueCertificate(createCtx({ actor: null }), {
      rnokpp: "2856200248",
      fullName: "Ґонта Олена Петрівна",
      password: "Route-Key-12",
    });
    await revokeCertificate(createCtx({ actor: null }), { serial: issued.serial, reason: "superseded" });

    const response = await getCrl(new Request("http://portal.test/api/pki/crl"), params({}));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pkix-crl");
    const crl = pkijs.CertificateRevocationList.fromBER(await bytes(response));
    expect(await crl.verify({ issuerCertificate: pkijs.Certificate.fromBER(provider.issuingDer) }, cryptoEngine)).toBe(
      true,
    );
    const serials = (crl.revokedCertificates ?? []).map((entry) =>
      Buffer.from(entry.userCertificate.valueBlock.valueHexView).toString("hex"),
    );
    expect(serials).toEqual([issued.serial]);
  });

  it("GET /api/pki/ca/root and /issuing serve the CA certificates; anything else is 404", async () => {
    const provider = await ensureTestProvider({ db, now: new Date() });
    const root = await getCaCertificate(new Request("http://portal.test/api/pki/ca/root"), params({ kind: "root" }));
    expect(root.headers.get("content-type")).toBe("application/pkix-cert");
    expect(await bytes(root)).toEqual(provider.rootDer);
    const issuing = await getCaCertificate(
      new Request("http://portal.test/api/pki/ca/issuing"),
      params({ kind: "issuing" }),
    );
    expect(await bytes(issuing)).toEqual(provider.issuingDer);
    const other = await getCaCertificate(new Request("http://portal.test/api/pki/ca/keys"), params({ kind: "keys" }));
    expect(other.status).toBe(404);
  });

  it("POST /api/pki/ocsp answers an oversized request as malformed without reading it", async () => {
    const response = await postOcsp(
      new Request("http://portal.test/api/pki/ocsp", {
        method: "POST",
        body: new Uint8Array(100_000),
        headers: { "content-length": "100000" },
      }),
      params({}),
    );
    const answer = pkijs.OCSPResponse.fromBER(await bytes(response));
    expect(answer.responseStatus.valueBlock.valueDec).toBe(1);
  });
});
