import { afterAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { resetEnvCache } from "@/lib/env";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./database";

// Every test file gets a fresh copy of the migrated template, set as DATABASE_URL before the
// file's modules are imported, and dropped after the file.

const name = uniqueDatabaseName("test");
process.env.DATABASE_URL = await createDatabase(name, { fromTemplate: true });
resetEnvCache();

afterAll(async () => {
  await stopSenderBoss();
  await disconnectDb();
  await dropDatabase(name);
});
