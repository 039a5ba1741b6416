import "server-only";
import { AppError } from "@/lib/errors";

// DATABASE_URL is the one switch between the embedded cluster and an external server, so a
// mistake in it must stop the launcher with a sentence that says how to fix it.

export type DatabaseUrlParts = {
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
};

const EXAMPLE = "postgresql://користувач:пароль@localhost:5432/bronya";

function invalid(reason: string): AppError {
  return new AppError(
    "DATABASE_URL_INVALID",
    `DATABASE_URL має неправильний вигляд (${reason}): вкажіть адресу на кшталт ${EXAMPLE} або приберіть змінну, щоб запустити вбудований Postgres. (Malformed DATABASE_URL.)`,
  );
}

/** Checks that a connection string is a complete postgres(ql):// URL; returns its parts. */
export function parseDatabaseUrl(raw: string): DatabaseUrlParts {
  const value = raw.trim();
  if (!value) throw invalid("порожнє значення");
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid("це не URL");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw invalid(`схема «${parsed.protocol.replace(/:$/, "")}» замість postgresql`);
  }
  if (!parsed.hostname) throw invalid("немає імені сервера");
  const port = parsed.port ? Number(parsed.port) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid("неправильний порт");
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw invalid("не вказано назву бази даних після «/»");
  if (database.includes("/")) throw invalid("назва бази даних містить «/»");
  return { url: value, host: parsed.hostname, port, database, user: decodeURIComponent(parsed.username) };
}

/** The URL with its password replaced, for logs and messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(нечитабельна адреса)";
  }
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Double-quotes an identifier for SQL that cannot take parameters (CREATE/DROP DATABASE). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
