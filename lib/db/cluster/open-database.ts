import "server-only";
import path from "node:path";
import { checkDatabaseServer } from "./check-database-server";
import { parseDatabaseUrl, redactDatabaseUrl } from "./database-url";
import { startEmbeddedCluster } from "./embedded-cluster";
import { describeHolder, readLiveLock } from "./folder-lock";

export const APP_DATABASE = "bronya";

export type OpenDatabaseOptions = {
  /** DATABASE_URL: when set, that server is used and no embedded cluster is touched. */
  databaseUrl?: string;
  /** DATA_DIR: the embedded cluster lives in <dataDir>/postgres. */
  dataDir: string;
  /** Shown to another process that finds the cluster busy, e.g. "npm run dev" (its PID is added). */
  owner: string;
  /**
   * When another process (a running launcher) already serves the embedded cluster, use it
   * instead of refusing. Tools such as db:migrate and the seed want this; a launcher does not.
   */
  shareRunning?: boolean;
  log?: (line: string) => void;
};

export type OpenDatabase = {
  url: string;
  /** The embedded cluster's superuser URL (database "postgres"); only when we started it. */
  adminUrl?: string;
  /** The embedded cluster's folder; only when we started it. */
  folder?: string;
  /** external: DATABASE_URL; embedded: started (or adopted) by us; shared: another process's. */
  source: "external" | "embedded" | "shared";
  /** Stops what this call started (the embedded cluster); a no-op otherwise. */
  close(): Promise<void>;
  timings?: { initdbMs: number; startMs: number };
};

export function clusterFolder(dataDir: string): string {
  return path.resolve(dataDir, "postgres");
}

/** The one way scripts get a database: the external server, the running cluster, or a new start. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const log = options.log ?? (() => undefined);
  if (options.databaseUrl !== undefined) {
    const { url } = parseDatabaseUrl(options.databaseUrl);
    const info = await checkDatabaseServer(url);
    log(`База даних: ${redactDatabaseUrl(url)} (PostgreSQL ${info.serverVersion}, з DATABASE_URL)`);
    return { url, source: "external", close: async () => undefined };
  }

  const folder = clusterFolder(options.dataDir);
  if (options.shareRunning) {
    const holder = await readLiveLock(`${folder}.lock`);
    if (holder?.url) {
      await checkDatabaseServer(holder.url);
      log(`База даних: вбудований Postgres, запущений іншим процесом (${describeHolder(holder)})`);
      return { url: holder.url, source: "shared", close: async () => undefined };
    }
  }

  const cluster = await startEmbeddedCluster({ folder, owner: options.owner, database: APP_DATABASE, log });
  log(`База даних: вбудований Postgres ${redactDatabaseUrl(cluster.url)} (дані в ${folder})`);
  return {
    url: cluster.url,
    adminUrl: cluster.adminUrl,
    folder,
    source: "embedded",
    close: () => cluster.stop(),
    timings: cluster.timings,
  };
}
