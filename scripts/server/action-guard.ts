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
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
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
export function refuseBadServerAction(req: IncomingMessage, res: ServerResponse, options: { portalUrl: string }): boolean {
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
// FormData entries as "_<id>_<name>" (React 19: formFieldPrefix + "_" + id + "_"). React escapes a user's "$…" as "$$…"; any other "$" token
// refers to another row, and React's decoder answers a reference to a missing row with a 500.
const VALUE_TOKEN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n|T|h|F)/;
const ROW_REFERENCE = /^\$[A-Za-z@]?([0-9a-f]+)$/;

function referencesResolve(value: unknown, rows: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$") || VALUE_TOKEN.test(value)) return true;
    const id = ROW_REFERENCE.exec(value)?.[1];
    return id !== undefined && rows.has(String(parseInt(id, 16)));
  }
  if (Array.isArray(value)) return value.every((item) => referencesResolve(item, rows, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((item) => referencesResolve(item, rows, depth + 1));
  return true;
}

/** name → text of each part of a multipart body; null when it is not one. */
function multipartParts(body: Buffer, marker: string): Map<string, string> | null {
  const text = body.toString("latin1");
  const delimiter = `--${marker}`;
  if (!text.startsWith(delimiter) || !text.trimEnd().endsWith(`${delimiter}--`)) return null;
  const parts = new Map<string, string>();
  for (const raw of text.split(delimiter).slice(1, -1)) {
    const split = raw.indexOf("\r\n\r\n");
    if (split < 0) return null;
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(raw.slice(0, split))?.[1];
    if (name === undefined) return null;
    parts.set(name, Buffer.from(raw.slice(split + 4).replace(/\r\n$/, ""), "latin1").toString("utf8"));
  }
  return parts;
}

function wellFormed(contentType: string, body: Buffer): boolean {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  try {
    if (type === "text/plain") return referencesResolve(JSON.parse(body.toString("utf8")), new Set());
    if (type === "multipart/form-data") {
      const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
      const parts = multipartParts(body, boundary?.[1] ?? boundary?.[2] ?? "");
      if (!parts || !boundary) return false;
      // A form posted without JavaScript names its fields freely ($ACTION_ID_… and the inputs).
      if ([...parts.keys()].some((name) => name.startsWith("$ACTION"))) return true;
      if (!parts.has("0")) return false;
      const rows = new Set([...parts.keys()].map((name) => /^_?(\d+)(_|$)/.exec(name)?.[1]).filter((id): id is string => id !== undefined));
      for (const [name, text] of parts) if (/^\d+$/.test(name) && !referencesResolve(JSON.parse(text), rows)) return false;
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
  if (!wellFormed(req.headers["content-type"] ?? "", body)) {
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
