import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { binaryToBytes } from "../bytes";
import { createKeyFile } from "../ca/create-key-file";
import { HEAD, createKeyPool, createTestPki, issueTestSigner, type TestPki, type TestSigner } from "../testing/test-pki";
import { openKeyFile } from "./open-key-file";

const PASSWORD = "Pa$$w0rd-Броня".replace("-Броня", "-bronya");

// An EC P-256 key and self-signed certificate exported by OpenSSL 3 (password Secret-Pass1,
// SHA-1 MAC): a well-formed key file of an algorithm the portal does not sign with.
const EC_KEY_FILE = Uint8Array.from(atob("MIIEHAIBAzCCA+IGCSqGSIb3DQEHAaCCA9MEggPPMIIDyzCCAoIGCSqGSIb3DQEHBqCCAnMwggJvAgEAMIICaAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAioHcUmHlChDAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEECbtA+2iakehd3PTwddttLyAggIA59CCvFNg/LmP9W/C5MQnwjJPLI8JuHwvh5k5fHKC+xyMfL6S+bybvij+T8uTuci4oZQqcG2+Ean/lkTUbt2na+ZG1Ylc7iv4qWKc5cP4ZpWj+mwmuZchwoSd9kr8C5Jd3fhmb6xxd0U6aQYItRMuvAtd9bkS30l2NevnS82ugAV4LJyFzaAjLhXfBFgZvDv3iIRu0avs/3LeNbxNQHC04GCoieLvrDlD1i81H7itz78AYhG3S2p1s/pvJ73jcf4Zxmi+YKJFGyyIHd6tVS1WDePOirbj2E3vQJCt8ZXCRETO+cKAIdFD3C8VRRZVx/WxN4fRN7OjCpOoPqn5N9/+5u55sRZ0DBqvl6aTs202i4w0rPsHBMU/Hi3ZviDwTAFXYy4Ob+QEbIuVJnP8waMFyrT7QQC+zT+WaVwx9FsYEFWrqAtHcq0XY7C1l/2DQxBfQ89QgCAJ+HY6Is5ADVOCpK8+LRtsM7FA4XLbTb2XxOgAeHLaXx1/ktpWmlfhZ1pegizovW8APRJzQdOhnDnJrooWdKdLxahZ8Q4P3xa16ETPylR3vzS5GpqCHfPWB5oFOym6/l99jHbGe5XKf3Z61WFYbwaNXNQemr1/g+oezBHMgd0U+N+NTAV+P3t2lLeG9QMb9HU4rz633THnGHWKQ7FgQHNkIxQ30j/a1AmhfyMwggFBBgkqhkiG9w0BBwGgggEyBIIBLjCCASowggEmBgsqhkiG9w0BDAoBAqCB7zCB7DBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI+QpmD/hcxvUCAggAMAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBATTgggUZr0WJ8+oDGS0h1EBIGQ0eTUfsZDpX0TTF8TKeWgp0iuZgeh5RXlXE0pAF5frMs+KfVHnBPEw5bK3jlMVF+BeYxauBB/iepbxqpCQ5fh1SJyXWx89JAvj72Q+Kz6+ug+pjs2KYpUE2lBJYtR0YtV0glbaYOMie4CfASVkNSzrUp42bwqRBcj5bjIJlPcRqbD+sjSFCDzEfRW0dfeHZNWMSUwIwYJKoZIhvcNAQkVMRYEFP457kkEuHIVZtq4HpDylJ1P7vRjMDEwITAJBgUrDgMCGgUABBQw3q7KfpxxzQIvGEEu0YN9UbE3jgQIDF9svEGUz6ACAggA"), (char) => char.charCodeAt(0));

let pki: TestPki;
let head: TestSigner;
let other: TestSigner;
let keyFile: Uint8Array;

const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "no error";
};

const pfx = (key: forge.pki.rsa.PrivateKey | null, certificates: forge.pki.Certificate[], password = PASSWORD) =>
    binaryToBytes(
    forge.asn1
      .toDer(forge.pkcs12.toPkcs12Asn1(key, certificates.length > 0 ? certificates : (null as never), password, { algorithm: "aes256" }))
      .getBytes(),
  );

beforeAll(async () => {
  const keys = await createKeyPool(4);
  pki = await createTestPki([keys[0]!, keys[1]!]);
  head = issueTestSigner(pki.issuing, keys[2]!, HEAD);
  other = issueTestSigner(pki.issuing, keys[3]!, HEAD);
  keyFile = createKeyFile({
    privateKey: head.privateKey,
    certificate: head.certificate,
    chain: [pki.issuing.certificate, pki.root.certificate],
    password: PASSWORD,
    friendlyName: HEAD.fullName,
  });
});

describe("createKeyFile + openKeyFile", () => {
  it("round-trips key, certificate and chain with a Cyrillic name", () => {
    const opened = openKeyFile(keyFile, PASSWORD);
    expect(opened.identity).toMatchObject({ rnokpp: HEAD.rnokpp, fullName: HEAD.fullName, organization: HEAD.organization, edrpou: HEAD.edrpou });
    expect(opened.certificate.serialNumber).toBe(head.serial);
    expect(opened.privateKey.n.equals(head.privateKey.n)).toBe(true);
    expect(opened.chain.map((certificate) => certificate.serialNumber).sort()).toEqual(
      [pki.issuing.certificate.serialNumber, pki.root.certificate.serialNumber].sort(),
    );
    // The certificate inside is byte-identical to the one issued (a re-encoded Cyrillic name would not be).
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(opened.certificate)).getBytes();
    expect(binaryToBytes(der)).toEqual(head.certificateDer);
  });

  it("refuses a password forge would encode differently from other tools", () => {
    expect(() => createKeyFile({ privateKey: head.privateKey, certificate: head.certificate, chain: [], password: "пароль-ключа" })).toThrow(RangeError);
    expect(() => createKeyFile({ privateKey: head.privateKey, certificate: head.certificate, chain: [], password: "short" })).toThrow(RangeError);
  });

  it.each([
    ["a wrong password", () => openKeyFile(keyFile, "Wrong-password-1"), "WRONG_PASSWORD"],
    ["an empty password", () => openKeyFile(keyFile, ""), "WRONG_PASSWORD"],
    ["a password differing in case", () => openKeyFile(keyFile, PASSWORD.toUpperCase()), "WRONG_PASSWORD"],
  ])("%s gives WRONG_PASSWORD", (_name, action, code) => {
    expect(codeOf(action)).toBe(code);
  });

  it.each([
    ["an empty file", () => new Uint8Array()],
    ["text", () => new TextEncoder().encode("це не ключ")],
    ["random bytes", () => Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) & 0xff)],
    ["a truncated key file", () => keyFile.subarray(0, keyFile.length - 40)],
    ["a key file with trailing bytes", () => Uint8Array.from([...keyFile, 0, 0])],
    ["a certificate instead of a key file", () => head.certificateDer],
    ["an oversized file", () => new Uint8Array(300 * 1024)],
  ])("%s gives BAD_KEY_FILE", (_name, file) => {
    expect(codeOf(() => openKeyFile(file(), PASSWORD))).toBe("BAD_KEY_FILE");
  });

  it("a file without a private key gives NO_PRIVATE_KEY", () => {
    expect(codeOf(() => openKeyFile(pfx(null, [head.certificate]), PASSWORD))).toBe("NO_PRIVATE_KEY");
  });

  it("a file without a certificate gives NO_CERTIFICATE", () => {
    expect(codeOf(() => openKeyFile(pfx(head.privateKey, []), PASSWORD))).toBe("NO_CERTIFICATE");
  });

  it("a key beside someone else's certificate gives KEY_CERTIFICATE_MISMATCH", () => {
    expect(codeOf(() => openKeyFile(pfx(head.privateKey, [other.certificate, pki.issuing.certificate]), PASSWORD))).toBe(
      "KEY_CERTIFICATE_MISMATCH",
    );
  });

  it("an EC key file made by OpenSSL gives KEY_ALGORITHM_UNSUPPORTED, and a wrong password still WRONG_PASSWORD", () => {
    expect(codeOf(() => openKeyFile(EC_KEY_FILE, "Secret-Pass1"))).toBe("KEY_ALGORITHM_UNSUPPORTED");
    expect(codeOf(() => openKeyFile(EC_KEY_FILE, "Secret-Pass2"))).toBe("WRONG_PASSWORD");
  });
});
