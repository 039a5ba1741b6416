import { verifyAuditAnchors } from "@/lib/audit/verify-audit-anchors";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { openDatabase } from "@/lib/db/cluster";
import { db } from "@/lib/db/client";
import { env, resetEnvCache } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { log, runScript } from "./db/run-script";

// npm run audit:verify — walks the audit chain (lib/audit) and checks every sealed daily anchor.
// Exit 0: «Журнал цілісний»; exit 1 naming the first row changed, inserted or removed (id and time).

await runScript(async () => {
  const config = env();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    owner: "npm run audit:verify",
    shareRunning: true,
    log,
  });
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  try {
    const started = Date.now();
    const chain = await verifyAuditChain({ db });
    if (!chain.ok) {
      const at = chain.break.at ? `, час ${formatDateTime(chain.break.at)} (${chain.break.at.toISOString()})` : "";
      process.stderr.write(
        `✖ Журнал порушено: ${chain.break.message}\n  запис: ${chain.break.id ?? "—"}${at}; перевірено записів: ${chain.rows}\n`,
      );
      return 1;
    }
    const anchors = await verifyAuditAnchors({ db, now: new Date() });
    if (!anchors.ok) {
      process.stderr.write(`✖ Журнал порушено: ${anchors.message}\n`);
      return 1;
    }
    log(
      `✓ Журнал цілісний: записів ${chain.rows}, підписаних щоденних печаток ${anchors.anchors} (${Date.now() - started} мс)`,
    );
    return 0;
  } finally {
    await db.$disconnect();
    await database.close();
  }
});
