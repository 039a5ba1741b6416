import { describe, expect, it } from "vitest";
import { kupyna256 } from "./kupyna";

// Kupyna-256 (DSTU 7564:2014) against the standard's test vectors, every whole-byte one there is.
// Source of each vector: the authors' reference implementation, main.c of
// github.com/Roman-Oliynykov/Kupyna-reference (hash_256_1 … hash_256_6, the same examples as the
// standard's annex and the Kupyna paper, IACR ePrint 2015/885), and, independently, Bouncy
// Castle's DSTU7564Test.java (hash256Tests, tests 1–6), which carries the same six pairs.
// The reference's 510- and 655-bit messages are not whole bytes; a signature hashes bytes only.

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();
/** The reference's test message: 00 01 02 … FF, of which each vector takes the first N bits. */
const sequence = (bytes: number) => Uint8Array.from({ length: bytes }, (_, index) => index);

describe("kupyna256 (DSTU 7564:2014, 256-bit output)", () => {
  it.each([
    [
      "N = 512 (hash_256_1, BC test 1)",
      sequence(64),
      "08F4EE6F1BE6903B324C4E27990CB24EF69DD58DBE84813EE0A52F6631239875",
    ],
    [
      "N = 1024 (hash_256_2, BC test 2)",
      sequence(128),
      "0A9474E645A7D25E255E9E89FFF42EC7EB31349007059284F0B182E452BDA882",
    ],
    [
      "N = 2048 (hash_256_3, BC test 3)",
      sequence(256),
      "D305A32B963D149DC765F68594505D4077024F836C1BF03806E1624CE176C08F",
    ],
    [
      "N = 8, the byte FF (hash_256_4, BC test 4)",
      Uint8Array.of(0xff),
      "EA7677CA4526555680441C117982EA14059EA6D0D7124D6ECDB3DEEC49E890F4",
    ],
    [
      "N = 760 (hash_256_5, BC test 5)",
      sequence(95),
      "1075C8B0CB910F116BDA5FA1F19C29CF8ECC75CAFF7208BA2994B68FC56E8D16",
    ],
    [
      "N = 0, the empty message (hash_256_6, BC test 6)",
      new Uint8Array(0),
      "CD5101D1CCDF0D1D1F4ADA56E888CD724CA1A0838A3521E7131D4FB78D0F5EB6",
    ],
  ])("%s", (_, message, expected) => {
    expect(hex(kupyna256(message))).toBe(expected);
  });

  it("leaves its input alone and gives 32 bytes that change with any byte of the message", () => {
    const message = sequence(200);
    const before = hex(message);
    const hash = kupyna256(message);
    expect(hash).toHaveLength(32);
    expect(hex(message)).toBe(before);
    const changed = sequence(200);
    changed[150]! ^= 1;
    expect(hex(kupyna256(changed))).not.toBe(hex(hash));
  });
});
