// Whether an error means "the database cannot be reached right now" (stopped, restarting,
// refusing connections) rather than a fault of the request or the code: such a failure is a
// 503 the client may retry, never a 500. Pure (inspects the error's fields), so lib/errors stays
// importable anywhere; the web server's database gate listens through reportDatabaseUnavailable.

// Postgres SQLSTATEs: connection exceptions (08…) and operator intervention (57P01 admin
// shutdown, 57P02 crash shutdown, 57P03 cannot connect now — starting up or shutting down).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3])$/;
// Socket errors of node-postgres and the kinds Prisma's driver adapter maps them to.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Prisma's own connection codes: can't reach, timed out, server closed the connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const MESSAGES = [
  /Connection terminated/i,
  /Can't reach database server/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Client has encountered a connection error/i,
];

function fieldsSayUnavailable(value: Record<string, unknown>): boolean {
  const code = typeof value.code === "string" ? value.code : undefined;
  if (code && (UNAVAILABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  if (typeof value.originalCode === "string" && UNAVAILABLE_SQLSTATE.test(value.originalCode)) return true;
  if (typeof value.kind === "string" && ADAPTER_KINDS.has(value.kind)) return true;
  return typeof value.message === "string" && MESSAGES.some((pattern) => pattern.test(value.message as string));
}

/** True for a lost or refused database connection, however deeply Prisma or pg wrapped it. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const value = queue.shift();
    if (!value || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (fieldsSayUnavailable(record)) return true;
    queue.push(record.cause);
    // Prisma keeps the driver adapter's error under meta.driverAdapterError.cause.
    const meta = record.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return false;
}

const LISTENER = Symbol.for("bronya.databaseUnavailable");
type WithListener = { [LISTENER]?: () => void };

/** Tells the process's database gate (scripts/server/database-gate.ts), if there is one. */
export function reportDatabaseUnavailable(): void {
  (globalThis as WithListener)[LISTENER]?.();
}

/** The web server registers itself here; Next's bundles share the process's globalThis. */
export function onDatabaseUnavailable(listener: (() => void) | undefined): void {
  (globalThis as WithListener)[LISTENER] = listener;
}
