import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from "./canonical-json";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
const fromBits = (bits: string) =>
  new DataView(Uint8Array.from(bits.match(/../g)!.map((h) => parseInt(h, 16))).buffer).getFloat64(0);

describe("canonicalJson (RFC 8785)", () => {
  it("reproduces the RFC 8785 §3.2.2 example", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units as in the RFC 8785 §3.2.3 example", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    // The emoji (a surrogate pair starting D83D) sorts before U+FB33 in UTF-16 order,
    // though it comes after it by code point: the test that catches a code-point sort.
    expect(canonicalJson({ "\ufb33": 1, "\ud83d\ude00": 2 })).toBe('{"\ud83d\ude00":2,"\ufb33":1}');
  });

  it.each([
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["44b52d02c7e14af6", "1e+23"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["41b3de4355555555", "333333333.3333333"],
    ["4340000000000000", "9007199254740992"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["4415af1d78b58c40", "100000000000000000000"],
  ])("serializes IEEE-754 %s as %s (RFC 8785 Appendix B)", (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it("encodes Cyrillic as UTF-8 without escaping and sorts Cyrillic keys", () => {
    const value = { прізвище: "Шевченко", "ім'я": "Тарас", edrpou: "43556710", salary: 25000.5 };
    // Latin before Cyrillic (0x73 < 0x04xx); "п" U+043F before "і" U+0456 (Ukrainian і sits
    // outside the Russian block), so the order is by code unit, not by the alphabet.
    expect(canonicalJson(value)).toBe('{"edrpou":"43556710","salary":25000.5,"прізвище":"Шевченко","ім\'я":"Тарас"}');
    expect(hex(canonicalJsonBytes("Ї"))).toBe("22 d0 87 22");
  });

  it("gives the same bytes whatever the key order of the input", () => {
    const a = { employees: [{ rnokpp: "1759013776", position: "інженер" }], edrpou: "43556710", nonce: "abc" };
    const b = { nonce: "abc", edrpou: "43556710", employees: [{ position: "інженер", rnokpp: "1759013776" }] };
    expect(canonicalJsonBytes(a)).toEqual(canonicalJsonBytes(b));
  });

  it("keeps array order and nests", () => {
    expect(canonicalJson([3, [2, { b: 1, a: [] }], {}])).toBe('[3,[2,{"a":[],"b":1}],{}]');
  });

  it("accepts a shared (non-cyclic) reference twice", () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });

  it.each([
    ["undefined member", { a: undefined }, "$.a"],
    ["NaN", { a: Number.NaN }, "$.a"],
    ["Infinity", [Number.POSITIVE_INFINITY], "$[0]"],
    ["a Date", { at: new Date(0) }, "$.at"],
    ["a Map", new Map(), "$"],
    ["a bigint", { n: BigInt(1) }, "$.n"],
    ["a function", { f: () => 1 }, "$.f"],
    ["a sparse array", [1, , 3], "$[1]"],
    ["a lone surrogate", { s: "a\ud800b" }, "$.s"],
    ["a lone low surrogate key", { "\udc00": 1 }, "$.\udc00"],
    ["top-level undefined", undefined, "$"],
  ])("refuses %s", (_name, value, path) => {
    let caught: unknown;
    try {
      canonicalJson(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CanonicalJsonError);
    expect((caught as CanonicalJsonError).path).toBe(path);
  });

  it("refuses cycles", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/Циклічне/);
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 2;
    bare.a = 1;
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});
