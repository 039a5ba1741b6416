import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { binaryToBytes } from "../bytes";
import { createKeyFile } from "../ca/create-key-file";
import {
  HEAD,
  createKeyPool,
  createTestPki,
  issueTestSigner,
  type TestPki,
  type TestSigner,
} from "../testing/test-pki";
import { openKeyFile } from "./open-key-file";

const PASSWORD = "Pa$$w0rd-Броня".replace("-Броня", "-bronya");

// An EC P-256 key and self-signed certificate exported by OpenSSL 3 (password Secret-Pass1,
// SHA-1 MAC): a well-formed key file of an algorithm the portal does not sign with.
const EC_KEY_FILE = Uint8Array.from(
  atob(
    "MIIEHAIBAzCCA+IGCSqGSIb3DQEHAaCCA9MEggPPMIIDyzCCAoIGCSqGSIb3DQEHBqCCAnMwggJvAgEAMIICaAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAioHcUmHlChDAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEECbtA+2iakehd3PTwddttLyAggIA59CCvFNg/LmP9W/C5MQnwjJPLI8JuHwvh5k5fHKC+xyMfL6S+bybvij+T8uTuci4oZQqcG2+Ean/lkTUbt2na+ZG1Ylc7iv4qWKc5cP4ZpWj+mwmuZchwoSd9kr8C5Jd3fhmb6xxd0U6aQYItRMuvAtd9bkS30l2NevnS82ugAV4LJyFzaAjLhXfBFgZvDv3iIRu0avs/3LeNbxNQHC04GCoieLvrDlD1i81H7itz78AYhG3S2p1s/pvJ73jcf4Zxmi+YKJFGyyIHd6tVS1WDePOirbj2E3vQJCt8ZXCRETO+cKAIdFD3C8VRRZVx/WxN4fRN7OjCpOoPqn5N9/+5u55sRZ0DBqvl6aTs202i4w0rPsHBMU/Hi3ZviDwTAFXYy4Ob+QEbIuVJnP8waMFyrT7QQC+zT+WaVwx9FsYEFWrqAtHcq0XY7C1l/2DQxBfQ89QgCAJ+HY6Is5ADVOCpK8+LRtsM7FA4XLbTb2XxOgAeHLaXx1/ktpWmlfhZ1pegizovW8APRJzQdOhnDnJrooWdKdLxahZ8Q4P3xa16ETPylR3vzS5GpqCHfPWB5oFOym6/l99jHbGe5XKf3Z61WFYbwaNXNQemr1/g+oezBHMgd0U+N+NTAV+P3t2lLeG9QMb9HU4rz633THnGHWKQ7FgQHNkIxQ30j/a1AmhfyMwggFBBgkqhkiG9w0BBwGgggEyBIIBLjCCASowggEmBgsqhkiG9w0BDAoBAqCB7zCB7DBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI+QpmD/hcxvUCAggAMAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBATTgggUZr0WJ8+oDGS0h1EBIGQ0eTUfsZDpX0TTF8TKeWgp0iuZgeh5RXlXE0pAF5frMs+KfVHnBPEw5bK3jlMVF+BeYxauBB/iepbxqpCQ5fh1SJyXWx89JAvj72Q+Kz6+ug+pjs2KYpUE2lBJYtR0YtV0glbaYOMie4CfASVkNSzrUp42bwqRBcj5bjIJlPcRqbD+sjSFCDzEfRW0dfeHZNWMSUwIwYJKoZIhvcNAQkVMRYEFP457kkEuHIVZtq4HpDylJ1P7vRjMDEwITAJBgUrDgMCGgUABBQw3q7KfpxxzQIvGEEu0YN9UbE3jgQIDF9svEGUz6ACAggA",
  ),
  (char) => char.charCodeAt(0),
);

// An RSA key with a self-signed "TINUA-" certificate exported by OpenSSL 3 with its defaults
// (AES-256, PBKDF2-SHA256, SHA-256 MAC; password Secret-Pass1): a key file from another tool.
const OPENSSL_RSA_KEY_FILE = Uint8Array.from(
  atob(
    "MIILHwIBAzCCCtUGCSqGSIb3DQEHAaCCCsYEggrCMIIKvjCCBTIGCSqGSIb3DQEHBqCCBSMwggUfAgEAMIIFGAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjYNkLmONFavQICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEHQwURIb9Qt6Q+JEUZ7EypWAggSwNmqv0bJAGmDmzG4Gu9JI9LV5Xln4SIdVBwM/9myCCCyBibWD+DhwvTuJ+XfA5xXtdT0g4a0TrC636VIrlr8+3+0g6PQCcQbxv49vRA7xivsGD5JzBcC0aAnzccygAMBH8WEth+T0rmgDfPWoZ10m8Y5G171BU6/G+BJHV2pjOPRdE4LG1SRsfeWhEAKOD1dTZhh9wy+qOJn+mq5kqFG6YimrkOVgyJDrr8hGyffZy/BJ/7iYublK4I8PClZhldAmAb1zF6N2Aw2i8QLaaoPCFBsGK+UFaQjA2KWpgbamhtk6JD5YRKy/KcNNVwkOD24u+/P8eiJ91lbFsGVltojUZkq4QjxYbqtBB7pDPDjl+ny0cGSL8776DOmFV+lSS8ZSJd+9FdsRWoYwa8NHD0ms808wPJjm+bIBMihnNxSNkOKryrKix+/XQXZNt2P1NHRQwGCJkvczp/KxtMrtKJzSq9sGDW0wwxJkN6mC2IsbGJE22iMdrPxFGNm12U5eERNWM96D/3AgX0+W8VT89BZbLnWCmAbTRgQJ1GKxlpYkA/IeztxLPHqXvoEsj2JIqTrkiUWIxrgBB9sEqTYBCl+2IkOqOVlqxDU7k/GDDu2aXkyE87a4L8JGrELbMA8jVm9Xyk0R6Cui1yEDLSCn3d0itEhTq9ri1v+ykRWOAmuqrXn/p4NQSOVczjfEA+9Rcx+fek3IPqKq7iGzZFq4sW/uPzZGrXuR6G8WCWjVVIutE882g4aw4CACN3ft4BG5vsZR4aTdYE/HcoeKV/H0YVg84lTMUJmZViWFhtOpu89HZRZw0L7b531g71f0m2fPM0A5v0U0BptCeBbIFMYP5FSSSiIJR6J9fc24q8ZGQN5o4BavHnImsc9QaS57XQiCO0x6ktAHdSmY2VJRMwXUja+Mr/Piepa8FqAv59TFRPNJxg7PUkjBtu860QScNzVk+hwQ5stuQenMj7RMdhOECEZqW5shXD2y37pFrTZMdMY6wJPCNaq5NcaDJoQWGUAcf2LYP9Q4Fqke3hp1kXFKAmBmd3VihCKGAcgtlltyhEq+AAHrTBJr6iMHCyUBTRa3c9K0Xr3lLyo31jSjNT9UqFG+JpxMAbeR3ujowgB4UYhM4IpqdlVl7HeFkU9xfo6M2HoPAJ1Uc9hoyHtXfyVTCuCDT7h7rarYnoV2/UBGijoqSX/nq7qnzlE96fGulfqTln7Djjdf8DVqI0EJdsulrXyLIEaChFttHakx2DTgiuyddUZ6fPDPBHCQDz3jSF1T3G5JbB0n2qX9DR0ZuxJXvPUIkljWXd/x6a+yNiD2HXKIhfZV34r1XlWJbJWx6qCImmiBJROqYDCHKFoMnO9Gq8my8XXhjRPX2GGOMQFQpDQPymIIG1FVJRX/sJ8q7OEJ7CnoUAL3DcJ7dH4RGjzGQ+mXEwB9ZLzg9Tm4/omdvdO39wQlzBiM2BNGSLsjD1pgYJNuN8zKpJ88oPzXVOVNL3gsinIXuUbEbh0LBxeDCy9G0ignZ8Kg7y+sYJxKutRYJOn19NsmKptT5k0PsQIpHht0gNRpTUG1RdRfCfQmcFScdJNn7aZGE1Xe4QrKOmidXU6LMIIFhAYJKoZIhvcNAQcBoIIFdQSCBXEwggVtMIIFaQYLKoZIhvcNAQwKAQKgggUxMIIFLTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIOLuJpBoIw/gCAggAMAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBAeXFTPO8kP8CeThaLe0+8FBIIE0P59fpyciWWqLdzBEECz9OstEGh18pNAayg1/e3z3TiZsTGrKl/X58Q+64GoOHR3L+rIh+BV1w0FcP7s9PzRi8AMBP5BtR/LXIPe8D0RhOfck+Et7JnQ0MoxTHXNmfDSuxdH1R6D8KEQFgzeoysL1aJIlsZ9PtYHgCJS6vgPz+G9Fl3RsdHxnIm6QFSP3OkdxgmjEAI71EnqrojlPmQT8hzmrtjxLEMzHHQkMtomjWQM2nA8058RQiARfVhUyvx55t7v04jKX+Z/dWTkl01BvlwC5BQUJaIANRL5jmG8iUzAcu70LjycP1Gzgszoi3pisOPA4bZQYbwjM9NPCISVBVaNLFTnEAxCuxKkhjuPQMC+oqlCzicHA7ToA5EDpduqmpPcKbgfLMf6QNmnaPvC/kcwrkdIWetrROiiI78iYtgZPV7PNI9xHntGT/fHCdMo7FlLK1rHQ9TIi7ZGRKK9Zd35Cs5GX1w+txsIUSq+3rSDSJ8u5Zuow5+upfGqPHydCmWlNE+8wT4rDCzlOqf7dc84i1+0ctPHqxv9SYVlNDHaWYt+BhcB2/HlwyaTTJQFO2kMfZCnZXxjTvV9h0Xh42Qxy1DkmoaL08A7Mv7PeDFlLHY12Wc0ITstLBFuDBr1hGfxzAYgl9Mi0vGtGHVN4RWNikUkjHX7Vnhz79V+/KgzmMilyknJbE6jc4SQOWKeSFWS56zqniUqhmynP5CtQhlbJaZaSg8JGJ8wMha6o3FglQXy55bzmDhGX+yokM7bP+DNgxQXf7UlBIRAWdb96eOiS0Kz3617vm34Ad2LlJ/SkJaqFBlIM4ibpVOKZyakTE1imz9+dFIi6A7Bt0SHnjr6TOOexcCdGwwvpyAajIZKXJ9Oj09S37npyKGrXhF9svUUj3uUjqBJqgQLQmS0xU5Cf43oyrXdzVZvkKDtD87nHD7GK77epYEScdJB9fgIImadwOUZTomNvHpxjUEaHEoU4j0W+nc/1tV2lGl5+63LL74W/39BgfANa7YvQNtqf8EVJ5vmaLETPzVPOc1PX+oTRb/IzIc3Fscn7gD9R0CTOlBBruwhRekekThwEGB7tY+U9/xL5kntvk28Hzf24v5Yve14U52BSJeJTLi4HqVXTOKUL3VXrw796V+GRB5Ky/tV6zURTMNw6463Fo/kWKYzasjO6PJJzZMTGFT72KMqBhkY1CSqjMx4uyfZcm53GqW2NcLxoMEgW7N2WCLpMMbvXtTrHzDgrq8jwpqkPaO6WdQmW/JKpVWQcfkz1MmFw5y3UuWWrb27RMlYm95r0lFOY0cXpd1feSMTXdynoPlP10QESAiwqK9+VnQo75bbvhuGp3TbvlTddSaZNInlN5fBKfjQUUA+2EYI/kHcdfuVJnFVL6Wq9nV3rltRGmsjYJAo8lYk0uhxTxWRYZj0wHTWgqJBUmJdrm+ScVfsE2qLTX1Rq4FLDqRGBFOk/3/rtYfY9lBu3fWEHlmbNNeasLaiCs90v0o/9eLpSmiNi+WCQUAfqjdNvMiKzwkEy4qd8Y8AniLlFb4YplgWlibaHWetz2NEuOUpEggwt//thLXtec98EYABkmbIhIcUadmTKOFnmvBuJ2vMMsAQwNhgE5xVZnf9pJWDYQSE0c5Y3+YTMSUwIwYJKoZIhvcNAQkVMRYEFDRxrdJtoss2JsFcrFHXJEqZAsX0MEEwMTANBglghkgBZQMEAgEFAAQgUxvfAyE2J3rmHZvdB+A92aZN5bBFjV94/CyaU5gBCI8ECBpwAu6/K00oAgIIAA==",
  ),
  (char) => char.charCodeAt(0),
);

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
      .toDer(
        forge.pkcs12.toPkcs12Asn1(key, certificates.length > 0 ? certificates : (null as never), password, {
          algorithm: "aes256",
        }),
      )
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
    expect(opened.identity).toMatchObject({
      rnokpp: HEAD.rnokpp,
      fullName: HEAD.fullName,
      organization: HEAD.organization,
      edrpou: HEAD.edrpou,
    });
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
    expect(() =>
      createKeyFile({
        privateKey: head.privateKey,
        certificate: head.certificate,
        chain: [],
        password: "пароль-ключа",
      }),
    ).toThrow(RangeError);
    expect(() =>
      createKeyFile({ privateKey: head.privateKey, certificate: head.certificate, chain: [], password: "short" }),
    ).toThrow(RangeError);
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
    expect(
      codeOf(() => openKeyFile(pfx(head.privateKey, [other.certificate, pki.issuing.certificate]), PASSWORD)),
    ).toBe("KEY_CERTIFICATE_MISMATCH");
  });

  it("opens an RSA key file made by OpenSSL 3 with its defaults, Cyrillic name intact", () => {
    const opened = openKeyFile(OPENSSL_RSA_KEY_FILE, "Secret-Pass1");
    expect(opened.identity).toMatchObject({
      rnokpp: "2856200248",
      fullName: "Ткаченко Марія Іванівна",
      locality: "Львів",
    });
    expect(codeOf(() => openKeyFile(OPENSSL_RSA_KEY_FILE, "Secret-Pass2"))).toBe("WRONG_PASSWORD");
  });

  it("an EC key file made by OpenSSL gives KEY_ALGORITHM_UNSUPPORTED, and a wrong password still WRONG_PASSWORD", () => {
    expect(codeOf(() => openKeyFile(EC_KEY_FILE, "Secret-Pass1"))).toBe("KEY_ALGORITHM_UNSUPPORTED");
    expect(codeOf(() => openKeyFile(EC_KEY_FILE, "Secret-Pass2"))).toBe("WRONG_PASSWORD");
  });
});
