import "server-only";
import { appendFileSync } from "node:fs";
import { AppError } from "@/lib/errors";

// What Postgres printed while starting is the only evidence of why it did not start; keep the
// last lines in memory (and everything in a log file for the app cluster) to explain failures.

export class PostgresOutput {
  private readonly lines: string[] = [];

  constructor(private readonly logFile?: string) {}

  readonly onLog = (message: string) => {
    for (const line of message.split("\n")) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > 60) this.lines.shift();
    }
    if (this.logFile) {
      try {
        appendFileSync(this.logFile, message.endsWith("\n") ? message : `${message}\n`);
      } catch {
        // A log that cannot be written must not stop the database.
      }
    }
  };

  readonly onError = (error: unknown) => this.onLog(error instanceof Error ? error.message : String(error));

  text(): string {
    return this.lines.join("\n");
  }

  /** The most telling line: the last FATAL/PANIC/ERROR, or the last line at all. */
  reason(): string {
    const important = [...this.lines].reverse().find((line) => /FATAL|PANIC|ERROR|error|failed/.test(line));
    return (important ?? this.lines.at(-1) ?? "Postgres нічого не повідомив").replace(/^\[STDERR\]\s*/, "").trim();
  }

  mentions(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }
}

/**
 * Turns a failed start of Postgres into one sentence that says what to do. The folder's
 * PG_VERSION was checked before, so "incompatible files" here means a damaged control file.
 */
export function describeStartFailure(folder: string, output: PostgresOutput, logFile: string | undefined): AppError {
  const seeLog = logFile ? ` Журнал: ${logFile}.` : "";
  const reason = output.reason();
  if (
    output.mentions(
      /wrong ownership|invalid permissions|Permission denied|could not open directory|could not open file/,
    )
  ) {
    return new AppError(
      "DATA_FOLDER_UNREADABLE",
      `Postgres не може прочитати папку даних ${folder}: поверніть її власника і права (вона має належати користувачу, від якого працює Postgres, з правами 0700); нічого не змінено. (${reason})${seeLog}`,
    );
  }
  if (output.mentions(/lock file "postmaster\.pid" already exists/)) {
    return new AppError(
      "DATA_FOLDER_BUSY",
      `Папку даних ${folder} уже використовує інший сервер Postgres: зупиніть його і запустіть знову; нічого не змінено. (${reason})${seeLog}`,
    );
  }
  return new AppError(
    "DATA_FOLDER_DAMAGED",
    `Postgres не зміг запуститися з даними в ${folder} — ймовірно, папку пошкоджено: відновіть її з резервної копії або перенесіть її і дайте створити нову; нічого не змінено. (${reason})${seeLog}`,
  );
}
