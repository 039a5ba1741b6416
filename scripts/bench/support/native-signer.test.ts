import { describe, expect, it } from "vitest";
import { signDetached } from "@/lib/kep/browser";
import { HEAD, createKeyPool, createTestPki, issueTestSigner } from "@/lib/kep/testing/test-pki";
import { nativeSigner } from "./native-signer";

// The benchmarks' signer must send exactly what a director's browser sends.

describe("nativeSigner", () => {
  it("writes the very bytes lib/kep/browser's signDetached writes, and other bytes for other content", async () => {
    const keys = await createKeyPool(3);
    const pki = await createTestPki([keys[0]!, keys[1]!]);
    const head = issueTestSigner(pki.issuing, keys[2]!, HEAD);
    const signingTime = new Date("2026-12-06T22:50:00Z");
    const content = new TextEncoder().encode('{"edrpou":"43556710","employees":[{"rnokpp":"1759013776"}]}');
    const native = nativeSigner(head);
    const expected = signDetached(head, content, { signingTime });
    expect(Buffer.from(native(content, { signingTime })).equals(Buffer.from(expected))).toBe(true);
    const other = Uint8Array.from(content);
    other[3] = other[3]! ^ 1;
    expect(Buffer.from(native(other, { signingTime })).equals(Buffer.from(expected))).toBe(false);
  });
});
