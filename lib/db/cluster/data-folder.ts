import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

// Before Postgres is pointed at a folder we decide what the folder is. Anything that is not
// "nothing yet" or "a cluster of our major version" is refused with a sentence and left as it is:
// initdb into a non-empty folder, or a server of another version, would fail or do damage.

export const CLUSTER_MARKER = "bronya.json";

export type DataFolderState = { kind: "absent" } | { kind: "empty" } | { kind: "cluster"; majorVersion: number };

function refuse(
  code: "DATA_FOLDER_FOREIGN" | "DATA_FOLDER_UNREADABLE" | "DATA_FOLDER_DAMAGED",
  folder: string,
  problem: string,
  advice: string,
  english: string,
): AppError {
  return new AppError(code, `Папка даних Postgres ${folder} ${problem}: ${advice}; нічого не змінено. (${english})`, {
    details: { folder },
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

export async function inspectDataFolder(folder: string, expectedMajor: number): Promise<DataFolderState> {
  let entries: string[];
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) {
      throw refuse(
        "DATA_FOLDER_FOREIGN",
        folder,
        "є файлом, а не папкою",
        "перенесіть файл або вкажіть іншу папку в DATA_DIR",
        "Not a directory.",
      );
    }
    entries = await readdir(folder);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "absent" };
    if (code === "EACCES" || code === "EPERM") {
      throw refuse(
        "DATA_FOLDER_UNREADABLE",
        folder,
        "недоступна для читання",
        "поверніть права на неї поточному користувачу або вкажіть іншу папку в DATA_DIR",
        "Permission denied.",
      );
    }
    throw error;
  }
  if (entries.length === 0) return { kind: "empty" };

  let versionText: string | null = null;
  try {
    versionText = await readFile(path.join(folder, "PG_VERSION"), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") {
      throw refuse(
        "DATA_FOLDER_UNREADABLE",
        folder,
        "має файли, які неможливо прочитати",
        "поверніть права на неї поточному користувачу",
        "Permission denied.",
      );
    }
    if (code !== "ENOENT") throw error;
  }
  if (versionText === null) {
    const looksLikeCluster =
      entries.includes("global") || entries.includes("base") || entries.includes("postgresql.conf");
    if (looksLikeCluster) {
      throw refuse(
        "DATA_FOLDER_DAMAGED",
        folder,
        "пошкоджена (немає файлу PG_VERSION)",
        "відновіть її з резервної копії або перенесіть і дайте створити нову",
        "Damaged cluster: PG_VERSION is missing.",
      );
    }
    throw refuse(
      "DATA_FOLDER_FOREIGN",
      folder,
      "не порожня і не є кластером Postgres",
      "перенесіть її вміст або вкажіть іншу папку в DATA_DIR",
      "Not a Postgres data directory.",
    );
  }

  const major = Number.parseInt(versionText.trim(), 10);
  if (!Number.isInteger(major)) {
    throw refuse(
      "DATA_FOLDER_DAMAGED",
      folder,
      "пошкоджена (нечитабельний PG_VERSION)",
      "відновіть її з резервної копії або перенесіть",
      "Damaged cluster: PG_VERSION is unreadable.",
    );
  }
  if (major !== expectedMajor) {
    throw refuse(
      "DATA_FOLDER_FOREIGN",
      folder,
      `містить кластер PostgreSQL ${major}, а вбудований сервер — версії ${expectedMajor}`,
      `перенесіть дані (pg_dump/pg_upgrade) або вкажіть іншу папку в DATA_DIR`,
      `Cluster of PostgreSQL ${major}, expected ${expectedMajor}.`,
    );
  }
  for (const required of ["global/pg_control", "base"]) {
    if (!(await exists(path.join(folder, required)))) {
      throw refuse(
        "DATA_FOLDER_DAMAGED",
        folder,
        `пошкоджена (немає ${required})`,
        "відновіть її з резервної копії або перенесіть і дайте створити нову",
        `Damaged cluster: ${required} is missing.`,
      );
    }
  }
  if (!entries.includes(CLUSTER_MARKER)) {
    throw refuse(
      "DATA_FOLDER_FOREIGN",
      folder,
      `містить кластер Postgres, створений не Бронею (немає ${CLUSTER_MARKER} з паролем)`,
      "вкажіть іншу папку в DATA_DIR або під'єднайтеся до цього кластера через DATABASE_URL",
      "A cluster not created by this launcher.",
    );
  }
  return { kind: "cluster", majorVersion: major };
}
