import { describe, expect, it } from "vitest";
import { buildLoginChallenge, loginChallengeBytes, MAX_CHALLENGE_BYTES, parseLoginChallenge } from "./login-challenge";

const NONCE = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd";
const base = {
  nonce: `${NONCE}e`,
  origin: "https://bronya.example/",
  issuedAt: new Date("2026-11-22T10:00:00.123Z"),
  expiresAt: new Date("2026-11-22T10:05:00.123Z"),
};
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("login challenge", () => {
  it("is canonical JSON with sorted keys, the origin without a trailing slash and exact instants", () => {
    const text = new TextDecoder().decode(loginChallengeBytes(buildLoginChallenge(base)));
    expect(text).toBe(
      `{"action":"Вхід до порталу «Броня»","expiresAt":"2026-11-22T10:05:00.123Z","issuedAt":"2026-11-22T10:00:00.123Z","nonce":"${base.nonce}","origin":"https://bronya.example","purpose":"login"}`,
    );
  });

  it("reads back what it built", () => {
    const challenge = buildLoginChallenge(base);
    expect(parseLoginChallenge(loginChallengeBytes(challenge))).toEqual(challenge);
  });

  it("refuses anything that is not exactly a login challenge", () => {
    const challenge = buildLoginChallenge(base);
    const variants: unknown[] = [
      { ...challenge, purpose: "decision.grant" },
      { ...challenge, extra: 1 },
      { ...challenge, nonce: "short" },
      { ...challenge, issuedAt: "yesterday" },
      { ...challenge, action: "Підписати заяву" },
      (({ origin: _origin, ...rest }) => rest)(challenge),
      [challenge],
      "login",
    ];
    for (const variant of variants) expect(parseLoginChallenge(encode(variant)), JSON.stringify(variant)).toBeNull();
    expect(parseLoginChallenge(new Uint8Array([0xff, 0xfe, 0x7b]))).toBeNull();
    expect(parseLoginChallenge(new Uint8Array())).toBeNull();
    expect(
      parseLoginChallenge(new TextEncoder().encode(`${JSON.stringify(challenge)}${" ".repeat(MAX_CHALLENGE_BYTES)}`)),
    ).toBeNull();
  });
});
