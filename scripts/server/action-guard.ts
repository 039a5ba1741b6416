import { IncomingMessage, type ServerResponse } from "node:http";

// Server actions (POST with a Next-Action header) are refused here, before Next reads a byte of
// the body, when they cannot be legitimate: a foreign or missing Origin (403: a browser always
// sends one with a POST, and a page of another site must not act with the user's cookie), a
// body over the limit or of unknown length (413/411), a content type no action form produces
// (400), or a body that is not what React's encodeReply makes — text that is not JSON, multipart
// without its boundary (400). Next would otherwise answer 500 to each. The body (at most 1 MB) is
// read here and handed to Next as a fresh request. Ukrainian {error:{code,message}} like the API.

/** Next's own limit for an action's body (experimental.serverActions.bodySizeLimit, default 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const ACTION_CONTENT_TYPES = ["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"];

function refuse(res: ServerResponse, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

function hostOf(url: string | undefined): string | null {
  if (!url || url === "null") return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

export function isServerAction(req: IncomingMessage): boolean {
  return req.method === "POST" && req.headers["next-action"] !== undefined;
}

/** True when the request was answered (refused); false hands it on. */
export function refuseBadServerAction(
  req: IncomingMessage,
  res: ServerResponse,
  options: { portalUrl: string },
): boolean {
  if (!isServerAction(req)) return false;

  const origin = hostOf(req.headers.origin);
  const allowed = new Set([req.headers.host?.toLowerCase(), hostOf(options.portalUrl)].filter(Boolean));
  if (!origin || !allowed.has(origin)) {
    refuse(res, 403, "FORBIDDEN", "Дію відхилено: запит надійшов не зі сторінки порталу");
    return true;
  }

  const length = req.headers["content-length"];
  if (length === undefined) {
    refuse(res, 411, "LENGTH_REQUIRED", "Дію відхилено: невідомий розмір запиту");
    return true;
  }
  if (!/^\d+$/.test(length)) {
    refuse(res, 400, "BAD_REQUEST", "Дію відхилено: некоректний розмір запиту");
    return true;
  }
  if (Number(length) > ACTION_BODY_LIMIT) {
    refuse(res, 413, "PAYLOAD_TOO_LARGE", "Завеликий обсяг даних: не більше 1 МБ");
    return true;
  }

  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (!ACTION_CONTENT_TYPES.includes(type)) {
    refuse(res, 400, "BAD_REQUEST", "Дію відхилено: некоректний формат запиту");
    return true;
  }
  return false;
}

// encodeReply's output: one JSON model (text), or JSON rows as multipart parts "0", "1", … with
// FormData entries as "_<id>_<name>" (React 19: formFieldPrefix + "_" + id + "_") and blobs and
// typed arrays as file parts "<id>". React escapes a user's "$…" as "$$…"; any other "$" token
// refers to another row or part, and React's decoder (decodeReply) throws — a 500 from Next — on
// a reference to a missing row, a Map ($Q), Set ($W) or iterator ($i) whose row is not an array
// or is used twice, a blob or typed array ($B, $A, $o, …) that is not a file part, or a BigInt
// ($n) that is not one. Each is refused here with a 400 instead.
const VALUE_TOKEN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|T)/;
const BIGINT = /^\$n-?\d{1,300}$/;
// React's own tags; after any other "$" it reads the rest as a hex row id, which the client never
// writes, so it is refused rather than guessed.
const REFERENCE = /^\$([@hQWKiAOoUSsLlGgMmVBRrXx]?)([0-9a-f]+)$/;
const COLLECTIONS = new Set(["Q", "W", "i"]);
const BINARY = new Set([..."AOoUSsLlGgMmVB"]);

type ActionBody = { rows: Map<string, unknown>; entries: Set<string>; files: Set<string>; consumed: Set<string> };

function referencesResolve(value: unknown, body: ActionBody, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$") || VALUE_TOKEN.test(value)) return true;
    if (value.startsWith("$n")) return BIGINT.test(value);
    const match = REFERENCE.exec(value);
    if (!match) return false;
    const [, tag, hex] = match;
    const id = String(parseInt(hex!, 16));
    if (BINARY.has(tag!)) return body.files.has(id);
    if (tag === "K") return body.entries.has(id) || body.rows.has(id);
    if (!body.rows.has(id)) return false;
    const row = body.rows.get(id);
    if (tag === "h") return row !== null && typeof row === "object" && typeof (row as { id?: unknown }).id === "string";
    if (COLLECTIONS.has(tag!)) {
      // React initialises each collection once ("Already initialized Map").
      if (body.consumed.has(id) || !Array.isArray(row)) return false;
      body.consumed.add(id);
      if (
        tag === "Q" &&
        !row.every((entry) => Array.isArray(entry) || (typeof entry === "string" && REFERENCE.test(entry)))
      )
        return false;
    }
    return true;
  }
  if (Array.isArray(value)) return value.every((item) => referencesResolve(item, body, depth + 1));
  if (value && typeof value === "object")
    return Object.values(value).every((item) => referencesResolve(item, body, depth + 1));
  return true;
}

type Part = { text: string; file: boolean };

/** name → each part of a multipart body (its text, whether it is a file); null when it is not one. */
function multipartParts(body: Buffer, marker: string): Map<string, Part> | null {
  const text = body.toString("latin1");
  const delimiter = `--${marker}`;
  if (!text.startsWith(delimiter) || !text.trimEnd().endsWith(`${delimiter}--`)) return null;
  const parts = new Map<string, Part>();
  for (const raw of text.split(delimiter).slice(1, -1)) {
    const split = raw.indexOf("\r\n\r\n");
    if (split < 0) return null;
    const disposition = /content-disposition:([^\r\n]*)/i.exec(raw.slice(0, split))?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    parts.set(name, {
      text: Buffer.from(raw.slice(split + 4).replace(/\r\n$/, ""), "latin1").toString("utf8"),
      file: /\bfilename="/i.test(disposition),
    });
  }
  return parts;
}

/** Whether decodeReply can decode the body without throwing on a reference (see above). */
export function isWellFormedActionBody(contentType: string, body: Buffer): boolean {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  try {
    if (type === "text/plain")
      return referencesResolve(JSON.parse(body.toString("utf8")), {
        rows: new Map(),
        entries: new Set(),
        files: new Set(),
        consumed: new Set(),
      });
    if (type === "multipart/form-data") {
      const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
      const parts = multipartParts(body, boundary?.[1] ?? boundary?.[2] ?? "");
      if (!parts || !boundary) return false;
      // A form posted without JavaScript names its fields freely ($ACTION_ID_… and the inputs).
      if ([...parts.keys()].some((name) => name.startsWith("$ACTION"))) return true;
      const rows = new Map<string, unknown>();
      const entries = new Set<string>();
      const files = new Set<string>();
      for (const [name, part] of parts) {
        if (/^\d+$/.test(name)) {
          if (part.file) files.add(name);
          else rows.set(name, JSON.parse(part.text));
        } else {
          const entry = /^_(\d+)_/.exec(name)?.[1];
          if (entry !== undefined) entries.add(entry);
        }
      }
      if (!rows.has("0")) return false;
      const checked: ActionBody = { rows, entries, files, consumed: new Set() };
      for (const row of rows.values()) if (!referencesResolve(row, checked)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a server action's body (already known to be at most ACTION_BODY_LIMIT) and returns a
 * fresh request carrying it for Next, or null after answering 400 to a malformed one.
 */
export async function readServerActionBody(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > ACTION_BODY_LIMIT) {
      refuse(res, 413, "PAYLOAD_TOO_LARGE", "Завеликий обсяг даних: не більше 1 МБ");
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (!isWellFormedActionBody(req.headers["content-type"] ?? "", body)) {
    refuse(res, 400, "BAD_REQUEST", "Дію відхилено: некоректні дані запиту");
    return null;
  }
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.headers = req.headers;
  replay.rawHeaders = req.rawHeaders;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  // Next takes a 'close' of the request for the client going away: the replay must not emit one
  // just because its body was read (Readable's autoDestroy), only when the real request does.
  (replay as unknown as { _readableState: { autoDestroy: boolean } })._readableState.autoDestroy = false;
  req.once("close", () => replay.destroy());
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  return replay;
}
