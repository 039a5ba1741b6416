import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isPortFree } from "@/lib/db/cluster";
import { AppError } from "@/lib/errors";

// Checks that must pass before anything is started or written.

/** `npm start` serves the production build; without one there is nothing to serve. */
export function assertProductionBuild(root: string): void {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new AppError(
      "BUILD_MISSING",
      "Немає production-збірки порталу: спершу виконайте npm run build, потім npm start. (No production build in .next/.)",
    );
  }
}

export async function assertPortFree(port: number, command: string, variable = "PORT"): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new AppError(
      "PORT_IN_USE",
      `Порт ${port} уже зайнятий іншою програмою: зупиніть її або запустіть портал на іншому порту, наприклад ${variable}=${port === 3000 ? 3001 : port + 1} ${command}. (Port ${port} is in use.)`,
    );
  }
}

/**
 * NEXTAUTH_SECRET signs the session cookies: taken from the environment when set, otherwise
 * generated once into <DATA_DIR>/auth-secret so that sessions survive a restart.
 */
export async function ensureAuthSecret(options: {
  dataDir: string;
  fromEnv?: string;
}): Promise<{ secret: string; source: "env" | "file" | "new" }> {
  if (options.fromEnv) return { secret: options.fromEnv, source: "env" };
  const file = path.join(options.dataDir, "auth-secret");
  try {
    const stored = (await readFile(file, "utf8")).trim();
    if (stored.length >= 32) return { secret: stored, source: "file" };
    throw new AppError(
      "AUTH_SECRET_INVALID",
      `Файл ${file} пошкоджено (секрет закороткий): видаліть його, і портал створить новий (усі сесії завершаться). (Auth secret file is damaged.)`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o755 });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return { secret, source: "new" };
}
