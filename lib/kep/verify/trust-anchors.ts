import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { toArrayBuffer } from "../bytes";
import { cryptoEngine } from "./crypto-engine";

// The provider's root and issuing CA as the verifier trusts them. Built once from the
// certificates in the database; the issuing CA is itself checked against the root, so a
// tampered row cannot slip in another issuer.

export type TrustAnchors = {
  root: pkijs.Certificate;
  issuing: pkijs.Certificate;
};

function certificateFromDer(der: Uint8Array, label: string): pkijs.Certificate {
  const ber = asn1js.fromBER(toArrayBuffer(der));
  if (ber.offset === -1) throw new Error(`${label}: сертифікат не читається`);
  return new pkijs.Certificate({ schema: ber.result });
}

export function derFromPem(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  return new Uint8Array(Buffer.from(body, "base64"));
}

export async function loadTrustAnchors(certificates: { rootDer: Uint8Array; issuingDer: Uint8Array }): Promise<TrustAnchors> {
  const root = certificateFromDer(certificates.rootDer, "Кореневий сертифікат");
  const issuing = certificateFromDer(certificates.issuingDer, "Сертифікат ЦСК");
  if (!root.issuer.isEqual(root.subject) || !(await root.verify(undefined, cryptoEngine))) {
    throw new Error("Кореневий сертифікат надавача не є самопідписаним");
  }
  if (!issuing.issuer.isEqual(root.subject) || !(await issuing.verify(root, cryptoEngine))) {
    throw new Error("Сертифікат ЦСК не підписано кореневим сертифікатом надавача");
  }
  return { root, issuing };
}
