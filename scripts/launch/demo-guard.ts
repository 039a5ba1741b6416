import "server-only";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { DEMO_USERS } from "@/prisma/seed/demo-users";

// Production (DEMO_MODE=0) must not serve a database that a demo run filled: its demo accounts
// have passwords and TOTP secrets published in the repository (prisma/seed/demo-users.ts).

export async function countDemoAccounts(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const emails = DEMO_USERS.flatMap((user) => (user.email ? [user.email] : []));
    const rnokpps = DEMO_USERS.map((user) => user.rnokpp);
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM "public"."users" WHERE "passwordHash" IS NOT NULL AND (email = ANY($1::text[]) OR rnokpp = ANY($2::text[]))`,
      [emails, rnokpps],
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

export async function assertNoDemoAccounts(databaseUrl: string): Promise<void> {
  const count = await countDemoAccounts(databaseUrl);
  if (count > 0) {
    throw new AppError(
      "DEMO_DATA_IN_PRODUCTION",
      `База даних містить демонстраційні облікові записи (${count}) з опублікованими паролями: для виробничого запуску візьміть порожню базу (інший DATA_DIR або DATABASE_URL), а для демонстрації запустіть npm run dev або DEMO_MODE=1 npm start. (Demo accounts found in a production database.)`,
    );
  }
}
