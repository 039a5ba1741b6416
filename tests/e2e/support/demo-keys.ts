import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

/** A demo user's RSA КЕП key file as the e2e seed wrote it (demo-keys/index.json), with its password. */
export function demoKey(userKey: string): { file: string; password: string } {
  const folder = path.join(dataDir, "demo-keys");
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as {
    keys: Array<{ key: string; file: string; password: string; revoked?: boolean; algorithm?: string }>;
  };
  const entry = manifest.keys.find((k) => k.key === userKey && !k.revoked && (k.algorithm ?? "RSA") === "RSA");
  if (!entry) throw new Error(`no demo key for ${userKey}`);
  return { file: path.join(folder, entry.file), password: entry.password };
}
