import "server-only";
import { isAppError } from "@/lib/errors";

// The frame of every command-line script: one sentence on failure, a non-zero exit code,
// and no stack trace for problems the user can fix (AppError); a trace for anything else.

export function log(line: string) {
  process.stdout.write(`${line}\n`);
}

export async function runScript(main: () => Promise<number | void>): Promise<never> {
  try {
    const code = (await main()) ?? 0;
    process.exit(code);
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`✖ ${error.message}\n`);
    } else {
      process.stderr.write(`✖ Непередбачена помилка (unexpected error):\n`);
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  }
}
