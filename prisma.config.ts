// Prisma CLI configuration. The portal itself never goes through the CLI: migrations are
// applied by scripts/db (Prisma's WASM schema engine); this file lets `prisma migrate deploy`
// work too wherever Prisma's engines can be downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bronya" },
});
