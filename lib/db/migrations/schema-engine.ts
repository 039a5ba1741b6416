import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { AppError } from "@/lib/errors";
import { connectSchemaEngineAdapter } from "./char-safe-adapter";

// Prisma's schema engine compiled to WebAssembly: migrations without the native engine binary,
// which Prisma 7 downloads from its CDN (unreachable here). See docs/decisions/002-wasm-migrations.md.

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

type PanicRegistry = { message: string; set_message(message: string): void };
const globalForEngine = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

let loading: Promise<EngineModule> | undefined;

async function instantiate(): Promise<EngineModule> {
  // Without a registry a Rust panic surfaces as a bare "unreachable" trap.
  globalForEngine.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(message: string) {
      this.message = message;
    },
  };
  // The package's main entry imports the .wasm file as an ES module, which Node only allows
  // behind --experimental-wasm-modules; the "bg" subpath is the same glue without that import.
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    // The engine arms a ~10 s timer that would hold every script open after its work is done.
    if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function") {
      imports[name] = (...args: unknown[]) => {
        const timer = (fn as (...a: unknown[]) => unknown)(...args) as { unref?: () => void } | undefined;
        timer?.unref?.();
        return timer;
      };
    }
  }
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return glue;
}

function loadEngineModule(): Promise<EngineModule> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The engine's own errors carry a Rust backtrace after the first line; users need only that line. */
export function engineErrorSummary(error: unknown): string {
  const panic = globalForEngine.PRISMA_WASM_PANIC_REGISTRY?.message;
  const message = error instanceof Error ? error.message : String(error);
  const firstLines = message.split("\n").filter((line) => line.trim() !== "" && !/^\s+(\d+:|at )/.test(line));
  const summary = firstLines.slice(0, 4).join(" ").trim();
  return panic && /unreachable|RuntimeError/.test(message) ? `${summary} (${panic})` : summary;
}

/**
 * Runs `work` with a schema engine connected to `databaseUrl`, then frees the engine and its
 * pool. The engine connects on creation even for operations that read no database.
 */
export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schema?: string; log?: (line: string) => void },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadEngineModule();
  const connection = connectSchemaEngineAdapter(options.databaseUrl);
  let engine: SchemaEngine | undefined;
  try {
    const datamodels: [string, string][] | undefined = options.schema ? [["schema.prisma", options.schema]] : undefined;
    const log = (line: string) => options.log?.(line);
    engine = await glue.SchemaEngine.new({ datamodels }, log, connection.factory);
    return await work(engine);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "SCHEMA_ENGINE_FAILED",
      `Рушій схеми Prisma повідомив про помилку: ${engineErrorSummary(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    engine?.free();
    await connection.close();
  }
}
