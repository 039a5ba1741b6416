import "server-only";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { parseDatabaseUrl, redactDatabaseUrl } from "./database-url";

export type DatabaseServerInfo = { serverVersion: string; versionNum: number };

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ECONNRESET",
]);

function describeFailure(url: string, error: unknown): AppError {
  const parts = parseDatabaseUrl(url);
  const where = `${parts.host}:${parts.port}`;
  const code = (error as { code?: string } | undefined)?.code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE.has(code) || /timeout|terminated unexpectedly/i.test(message)) {
    return new AppError(
      "DATABASE_UNREACHABLE",
      `Сервер Postgres ${where} з DATABASE_URL не відповідає: запустіть його або виправте адресу, чи приберіть DATABASE_URL, щоб працювати з вбудованим Postgres. (Cannot reach ${where}: ${code || message}.)`,
      { cause: error },
    );
  }
  if (code === "28P01" || code === "28000") {
    return new AppError(
      "DATABASE_AUTH_FAILED",
      `Сервер Postgres ${where} не прийняв користувача «${parts.user}» з DATABASE_URL: перевірте ім'я та пароль. (Authentication failed.)`,
      { cause: error },
    );
  }
  if (code === "3D000") {
    return new AppError(
      "DATABASE_MISSING",
      `На сервері ${where} немає бази даних «${parts.database}»: створіть її (createdb ${parts.database}) або вкажіть іншу в DATABASE_URL. (Database does not exist.)`,
      { cause: error },
    );
  }
  return new AppError(
    "DATABASE_UNAVAILABLE",
    `Не вдалося підключитися до ${redactDatabaseUrl(url)}: ${message}. Перевірте DATABASE_URL і стан сервера.`,
    { cause: error },
  );
}

/** Connects once and asks the version: proves the URL, the server, the credentials and the database. */
export async function checkDatabaseServer(
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<DatabaseServerInfo> {
  parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: options.timeoutMs ?? 5000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version: string; server_version_num: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
    );
    const row = result.rows[0];
    return { serverVersion: row?.server_version ?? "", versionNum: Number(row?.server_version_num ?? 0) };
  } catch (error) {
    throw describeFailure(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
