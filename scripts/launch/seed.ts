import "server-only";
import { AppError } from "@/lib/errors";

// The seed belongs to prisma/seed (its own engineer and tests); the launcher only asks it to fill
// an empty registry. The contract: seedIfEmpty({ databaseUrl, dataDir, log }) → { seeded }.

type SeedModule = {
  seedIfEmpty(options: {
    databaseUrl: string;
    dataDir: string;
    log: (line: string) => void;
  }): Promise<{ seeded: boolean }>;
};

export async function seedDemoData(options: {
  databaseUrl: string;
  dataDir: string;
  log: (line: string) => void;
}): Promise<{ seeded: boolean }> {
  let seedModule: SeedModule;
  try {
    seedModule = await import("@/prisma/seed/index");
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" &&
      String((error as Error).message).includes("prisma/seed")
    ) {
      throw new AppError(
        "SEED_MISSING",
        "Немає модуля демо-даних prisma/seed/index.ts: відновіть його з git (git checkout prisma/seed) і запустіть знову. (Seed module is missing.)",
        { cause: error },
      );
    }
    throw error;
  }
  return seedModule.seedIfEmpty(options);
}
