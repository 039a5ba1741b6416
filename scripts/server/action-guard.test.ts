import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isWellFormedActionBody } from "./action-guard";

// The server-action guard refuses (400) the bodies React's decodeReply would throw on — a 500
// from Next — and lets through everything React's own encodeReply produces.

const require = createRequire(import.meta.url);
const { encodeReply } =
  require("next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js") as {
    encodeReply: (value: unknown) => Promise<string | FormData>;
  };

async function encoded(value: unknown): Promise<[string, Buffer]> {
  const reply = await encodeReply(value);
  if (typeof reply === "string") return ["text/plain;charset=UTF-8", Buffer.from(reply)];
  const response = new Response(reply);
  return [response.headers.get("content-type")!, Buffer.from(await response.arrayBuffer())];
}

const BOUNDARY = "----bronya";
/** A multipart body by hand: [name, text] or [name, text, "file"]. */
function multipart(parts: Array<[string, string] | [string, string, "file"]>): [string, Buffer] {
  const body = parts
    .map(
      ([name, text, file]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="blob"\r\nContent-Type: application/octet-stream' : ""}\r\n\r\n${text}\r\n`,
    )
    .join("");
  return [`multipart/form-data; boundary=${BOUNDARY}`, Buffer.from(`${body}--${BOUNDARY}--\r\n`)];
}
const text = (json: string): [string, Buffer] => ["text/plain;charset=UTF-8", Buffer.from(json)];

describe("isWellFormedActionBody", () => {
  it("accepts what React's encodeReply writes: plain values, Map, Set, FormData, BigInt, typed arrays, dates, escaped $", async () => {
    const form = new FormData();
    form.append("q", "Коваленко");
    form.append("file", new Blob(["a,b\n"]), "import.csv");
    const values: unknown[] = [
      ["head-big"],
      { q: "$ не посилання", page: 2 },
      [
        new Map<string, unknown>([
          ["a", 1],
          ["b", { c: [1, 2] }],
        ]),
        new Set([1, "два"]),
      ],
      [form],
      [10n, -5n, new Uint8Array([1, 2, 3]), new Float64Array([1.5]), new Date(0), undefined, Number.NaN, -0, Infinity],
      [new Map([["k", new Set([new Map()])]])],
    ];
    for (const value of values) {
      const [type, body] = await encoded(value);
      expect(isWellFormedActionBody(type, body), JSON.stringify(String(value))).toBe(true);
    }
  });

  it("refuses a Map, Set or iterator whose row is missing, not an array, or used twice", () => {
    const refused: Array<[string, Buffer]> = [
      text('"$Q1"'),
      multipart([["0", '["$Q1"]']]),
      multipart([
        ["0", '["$Q1"]'],
        ["1", "5"],
      ]),
      multipart([
        ["0", '["$Q1"]'],
        ["1", '{"a":1}'],
      ]),
      multipart([
        ["0", '["$Q1"]'],
        ["1", "[1,2]"],
      ]),
      multipart([
        ["0", '["$W1"]'],
        ["1", '"abc"'],
      ]),
      multipart([
        ["0", '["$W1"]'],
        ["1", "null"],
      ]),
      multipart([
        ["0", '["$i1"]'],
        ["1", "{}"],
      ]),
      multipart([
        ["0", '["$Q1","$Q1"]'],
        ["1", '[["a",1]]'],
      ]),
      multipart([
        ["0", '["$W1","$Q1"]'],
        ["1", "[]"],
      ]),
    ];
    for (const [type, body] of refused) expect(isWellFormedActionBody(type, body), body.toString()).toBe(false);
  });

  it("refuses blobs and typed arrays that are not file parts, bad BigInts, unknown tags and dangling references", () => {
    const refused: Array<[string, Buffer]> = [
      multipart([
        ["0", '["$B1"]'],
        ["1", "not a file"],
      ]),
      multipart([["0", '["$o1"]']]),
      multipart([
        ["0", '["$A2"]'],
        ["1", "x", "file"],
      ]),
      text('["$nabc"]'),
      text(`["$n${"9".repeat(301)}"]`),
      text('["$1"]'),
      text('["$@1"]'),
      text('["$F1"]'),
      text('["$Z"]'),
      multipart([
        ["0", '["$h1"]'],
        ["1", "[]"],
      ]),
      multipart([["0", '["$R1"]']]),
      multipart([
        ["0", '{"a":"$2"}'],
        ["1", "[]"],
      ]),
      multipart([["1", "[]"]]),
      multipart([["0", "["]]),
      ["multipart/form-data", Buffer.from("--x\r\n")],
    ];
    for (const [type, body] of refused)
      expect(isWellFormedActionBody(type, body), body.toString().slice(0, 200)).toBe(false);
    // The same references, resolved, pass.
    expect(
      isWellFormedActionBody(
        ...multipart([
          ["0", '["$B1","$o2"]'],
          ["1", "bytes", "file"],
          ["2", "bytes", "file"],
        ]),
      ),
    ).toBe(true);
    expect(
      isWellFormedActionBody(
        ...multipart([
          ["0", '{"a":"$1"}'],
          ["1", "[]"],
        ]),
      ),
    ).toBe(true);
    expect(isWellFormedActionBody(...text('["$n12345678901234567890", "$$Q1"]'))).toBe(true);
  });

  it("lets a form posted without JavaScript through (its fields are named freely)", () => {
    expect(
      isWellFormedActionBody(
        ...multipart([
          ["$ACTION_ID_abc", ""],
          ["q", "$Q1"],
        ]),
      ),
    ).toBe(true);
  });
});
