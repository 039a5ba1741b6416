import "server-only";
import { readFileSync, rmSync } from "node:fs";
import { open, readFile, rm, writeFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/zod";
import { redactDatabaseUrl } from "./database-url";

// One process at a time owns a cluster's data folder. The lock is a file beside the folder,
// created exclusively and holding the owner's PID (and the URL it serves, so that tools such
// as `npm run db:migrate` can use the running cluster instead of touching the folder).

const ZLockContent = z.object({
  pid: z.number().int().positive(),
  owner: z.string(),
  url: z.string().optional(),
  startedAt: z.string(),
});

export type FolderLockContent = z.infer<typeof ZLockContent>;

export type FolderLock = {
  path: string;
  /** Records the URL the owner serves, once it is known. */
  publish(url: string): Promise<void>;
  release(): Promise<void>;
};

/** A zombie has exited but still answers kill(pid, 0) until its parent reaps it, which in a
 *  container without an init process may be never. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** True when a process with this PID runs (EPERM: it runs but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

export async function readFolderLock(lockPath: string): Promise<FolderLockContent | null> {
  let text: string;
  try {
    text = await readFile(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = ZLockContent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The lock's content when a live process holds it. */
export async function readLiveLock(lockPath: string): Promise<FolderLockContent | null> {
  const content = await readFolderLock(lockPath);
  return content && content.pid !== process.pid && isProcessAlive(content.pid) ? content : null;
}

/** "npm run dev (PID 42)": the owner label with its PID, once. */
export function describeHolder(holder: FolderLockContent): string {
  return holder.owner.includes(String(holder.pid)) ? holder.owner : `${holder.owner}, PID ${holder.pid}`;
}

function busy(lockPath: string, holder: FolderLockContent): AppError {
  const serving = holder.url ? ` і обслуговує ${redactDatabaseUrl(holder.url)}` : "";
  return new AppError(
    "DATA_FOLDER_BUSY",
    `Дані вбудованого Postgres уже використовує інший процес (${describeHolder(holder)})${serving}: зупиніть його (Ctrl-C у його терміналі) або працюйте з уже запущеним порталом. (Another launcher holds ${lockPath}.)`,
    { details: { pid: holder.pid } },
  );
}

async function writeExclusive(lockPath: string, content: FolderLockContent): Promise<boolean> {
  try {
    const handle = await open(lockPath, "wx", 0o600);
    await handle.writeFile(JSON.stringify(content));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

export async function acquireFolderLock(lockPath: string, owner: string): Promise<FolderLock> {
  const content: FolderLockContent = { pid: process.pid, owner, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await writeExclusive(lockPath, content)) {
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        const current = await readFolderLock(lockPath).catch(() => null);
        if (current?.pid === process.pid) await rm(lockPath, { force: true });
      };
      // A crash still frees the folder for the next run when the process exits normally enough.
      process.once("exit", () => {
        if (released) return;
        try {
          const current = JSON.parse(readFileSync(lockPath, "utf8")) as { pid?: number };
          if (current.pid === process.pid) rmSync(lockPath, { force: true });
        } catch {
          // already gone or unreadable: nothing of ours to remove
        }
      });
      return {
        path: lockPath,
        async publish(url: string) {
          content.url = url;
          await writeFile(lockPath, JSON.stringify(content), { mode: 0o600 });
        },
        release,
      };
    }
    const holder = await readFolderLock(lockPath);
    if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) throw busy(lockPath, holder);
    // The holder is gone (killed, machine rebooted) or the file is unreadable: the lock is stale.
    await rm(lockPath, { force: true });
  }
  throw new AppError(
    "DATA_FOLDER_BUSY",
    `Не вдалося захопити ${lockPath}: інший процес змагається за нього; спробуйте ще раз.`,
  );
}
