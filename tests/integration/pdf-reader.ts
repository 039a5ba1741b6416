import { inflateSync } from "node:zlib";

// Reads back what @react-pdf/renderer (pdfkit) wrote, enough for tests: the pages in order, each
// page's text (glyphs mapped through its fonts' ToUnicode maps) and the QR code drawn on it as a
// matrix of modules (the vector path of dark runs that lib/notices/draw-notices-pdf.tsx draws).

type PdfObject = { dict: string; stream: Buffer | null };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(raw); match; match = header.exec(raw)) {
    const start = match.index + match[0].length;
    const dictEnd = raw.indexOf("endobj", start);
    const streamAt = raw.indexOf("stream", start);
    if (streamAt !== -1 && streamAt < dictEnd && raw.startsWith("stream", streamAt)) {
      const dict = raw.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataStart = streamAt + "stream".length + (raw[streamAt + 6] === "\r" ? 2 : 1);
      const data = pdf.subarray(dataStart, dataStart + length);
      objects.set(Number(match[1]), {
        dict,
        stream: dict.includes("/FlateDecode") ? inflateSync(data) : Buffer.from(data),
      });
      header.lastIndex = dataStart + length;
    } else {
      objects.set(Number(match[1]), { dict: raw.slice(start, dictEnd), stream: null });
      header.lastIndex = dictEnd;
    }
  }
  return objects;
}

function ref(dict: string, key: string): number {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  if (!match) throw new Error(`no /${key} in ${dict.slice(0, 200)}`);
  return Number(match[1]);
}

/** Glyph code → text, from a ToUnicode CMap (bfrange with arrays or a start, and bfchar). */
function readCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCharCode(...h.match(/.{4}/g)!.map((u) => parseInt(u, 16)));
  for (const range of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
    const from = parseInt(range[1]!, 16);
    const to = parseInt(range[2]!, 16);
    const target = range[3]!;
    if (target.startsWith("[")) {
      [...target.matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(from + i, hex(u[1]!)));
    } else {
      const base = parseInt(target.slice(1, -1), 16);
      for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const pair of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(parseInt(pair[1]!, 16), hex(pair[2]!));
  return map;
}

export type PdfPage = { text: string; qr: boolean[][] | null };

/** The document's pages in order; `pageObjects` counts every `/Type /Page` object. */
export function readPdf(pdf: Buffer): { pages: PdfPage[]; pageObjects: number } {
  const objects = readObjects(pdf);
  const pageObjects = [...objects.values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict)).length;
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))!;
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(root.dict)![1]!.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const pages = kids.map((id) => {
    const page = objects.get(id)!;
    const resources = objects.get(ref(page.dict, "Resources"))!.dict;
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = /\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    for (const entry of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = objects.get(Number(entry[2]))!;
      fonts.set(entry[1]!, readCmap(objects.get(ref(font.dict, "ToUnicode"))!.stream!.toString("latin1")));
    }
    const content = objects.get(ref(page.dict, "Contents"))!.stream!.toString("latin1");
    let text = "";
    let cmap: Map<number, string> | undefined;
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) cmap = fonts.get(op[1]);
      else
        for (const run of op[2]!.matchAll(/<([0-9a-f]+)>/gi))
          for (const code of run[1]!.match(/.{4}/g)!) text += cmap?.get(parseInt(code, 16)) ?? "\uFFFD";
    }
    return { text, qr: readQr(content) };
  });
  return { pages, pageObjects };
}

/** The QR path: integer runs "x y m, x' y l, x' y+1 l, x y+1 l, h" in module units (a quiet zone of 1), then "f". */
function readQr(content: string): boolean[][] | null {
  const block = /scn\n((?:\d+ \d+ [ml]\n|h\n)+)f\n/.exec(content)?.[1];
  if (!block) return null;
  const runs = [...block.matchAll(/(\d+) (\d+) m\n(\d+) \d+ l\n/g)].map((m) => m.slice(1, 4).map(Number));
  // The finder pattern reaches the last column: its runs end at size + the quiet zone.
  const size = Math.max(...runs.map(([, , x1]) => x1!)) - 1;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [x0, y, x1] of runs) for (let x = x0!; x < x1!; x++) grid[y! - 1]![x - 1] = true;
  return grid;
}
