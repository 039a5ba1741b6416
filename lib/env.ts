import { parseTrustedProxies } from "@/lib/http/client-address";
import { z } from "@/lib/zod";

// Environment, parsed once. Nothing else reads process.env.
// DATABASE_URL is set by the launcher (scripts/launch.ts) when it runs the embedded Postgres.

const ZBoolean = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url("DATABASE_URL має бути адресою postgresql://…").optional(),
  /** Public base URL of the portal; used in certificates (CRL/OCSP), e-mails and QR codes. */
  PORTAL_URL: z.string().url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Demo mode: demo logins and downloadable demo keys on the login page. */
  DEMO_MODE: ZBoolean,
  /** smtp://user:pass@host:port — mail is only recorded (and previewed) when unset. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Броня <noreply@bronya.local>"),
  DATA_DIR: z.string().default(".data"),
  /** Log every request's method, URL and status (scripts/server.ts), as a reverse proxy would. */
  ACCESS_LOG: ZBoolean,
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** The port Next listens on (scripts/launch.ts passes it to `next dev|start -p`). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Web processes behind the one port (node:cluster in scripts/server.ts); every shared state is in Postgres. */
  WEB_PROCESSES: z.coerce
    .number({ error: "WEB_PROCESSES має бути числом" })
    .int("WEB_PROCESSES має бути цілим числом")
    .min(1, "WEB_PROCESSES має бути від 1 до 32")
    .max(32, "WEB_PROCESSES має бути від 1 до 32")
    .default(1),
  /**
   * Requests each web process hands to Next at once (pages, route handlers, server actions); the
   * rest wait in arrival order (scripts/server/admission.ts). 0, the default: no limit. Static
   * files and the status route never wait. A limit shortens the status poll's answers under load
   * and lengthens the pages' (docs/performance.md).
   */
  WEB_ACTIVE_REQUESTS: z.coerce
    .number({ error: "WEB_ACTIVE_REQUESTS має бути числом" })
    .int("WEB_ACTIVE_REQUESTS має бути цілим числом")
    .min(0, "WEB_ACTIVE_REQUESTS має бути від 0 до 1000")
    .max(1_000, "WEB_ACTIVE_REQUESTS має бути від 0 до 1000")
    .default(0),
  /**
   * The citizens' status API in processes of its own (scripts/status-server.ts): GET
   * /api/v1/me/status on this port as well as on PORT, never waiting behind the cabinets' pages.
   * Unset, the default: only the web server answers it.
   */
  STATUS_PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ error: "STATUS_PORT має бути числом" })
      .int("STATUS_PORT має бути цілим числом")
      .min(1, "STATUS_PORT має бути від 1 до 65535")
      .max(65_535, "STATUS_PORT має бути від 1 до 65535")
      .optional(),
  ),
  /** Status API processes on STATUS_PORT (node:cluster, as WEB_PROCESSES). */
  STATUS_PROCESSES: z.coerce
    .number({ error: "STATUS_PROCESSES має бути числом" })
    .int("STATUS_PROCESSES має бути цілим числом")
    .min(1, "STATUS_PROCESSES має бути від 1 до 32")
    .max(32, "STATUS_PROCESSES має бути від 1 до 32")
    .default(1),
  /** Job workers the launcher starts (pg-boss hands each job to one of them). */
  WORKERS: z.coerce
    .number({ error: "WORKERS має бути числом" })
    .int("WORKERS має бути цілим числом")
    .min(1, "WORKERS має бути від 1 до 32")
    .max(32, "WORKERS має бути від 1 до 32")
    .default(1),
  /**
   * Streaming replicas of DATABASE_URL, comma-separated: read-only pages and the status route read
   * from them (lib/db/client getReadDb). `npm run dev -- --replica` sets it to an embedded replica.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((url) => url.trim())
        .filter((url) => url.length > 0),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_REPLICA_URLS: кожна адреса має починатися з postgresql://"),
      ),
    ),
  /**
   * Rows of computed read-models (a director's employee list weighs one per employee, ~0.5 KB)
   * each web process keeps (lib/reservations/version-cache.ts). The default holds the 16 largest
   * enterprises of the national seed at once (about 300 MB).
   */
  READ_MODEL_CACHE_ROWS: z.coerce
    .number({ error: "READ_MODEL_CACHE_ROWS має бути числом" })
    .int("READ_MODEL_CACHE_ROWS має бути цілим числом")
    .min(10_000, "READ_MODEL_CACHE_ROWS має бути від 10 000 до 20 000 000")
    .max(20_000_000, "READ_MODEL_CACHE_ROWS має бути від 10 000 до 20 000 000")
    .default(600_000),
  /** Which Оберіг adapter lib/registry uses (ARCHITECTURE.md, replaceable parts). Only the mock exists. */
  REGISTRY_PROVIDER: z.enum(["postgres-mock"]).default("postgres-mock"),
});

export type Env = z.infer<typeof ZEnv> & {
  /**
   * The portal's test КНЕДП is a trust anchor: in demo mode (DEMO_MODE=1), and under the test
   * runner (NODE_ENV=test) unless DEMO_MODE says otherwise. The launcher always sets DEMO_MODE, so
   * `npm run dev` and `npm start` decide by it alone; DEMO_MODE=0 trusts imported anchors only.
   */
  TEST_PROVIDER_TRUSTED: boolean;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Некоректні змінні середовища: ${problems}`);
  }
  const demoModeSet = (process.env.DEMO_MODE ?? "") !== "";
  cached = {
    ...parsed.data,
    TEST_PROVIDER_TRUSTED: parsed.data.DEMO_MODE || (parsed.data.NODE_ENV === "test" && !demoModeSet),
  };
  return cached;
}

/** For tests and the launcher, which change the environment after import. */
export function resetEnvCache() {
  cached = undefined;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL не задано: запустіть портал через `npm run dev` або вкажіть адресу Postgres");
  return url;
}
