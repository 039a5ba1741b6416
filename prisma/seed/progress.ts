// The seed's progress line: count, percent, rate and time left, redrawn in place with \r on a
// terminal, or printed every tenth of the way when the output goes to a file or a pipe.

export type ProgressClock = () => number;

export function formatProgress(done: number, total: number, elapsedMs: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const leftMs = rate > 0 ? ((total - done) / rate) * 1000 : Number.NaN;
  const width = 24;
  const filled = Math.round((width * percent) / 100);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  const eta =
    done >= total ? "готово" : Number.isFinite(leftMs) ? `залишилось ~${formatDuration(leftMs)}` : "оцінюю час…";
  return `${bar} ${group(done)} / ${group(total)} осіб (${percent}%) · ${group(Math.round(rate))} осіб/с · ${eta}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} с`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} хв ${String(seconds % 60).padStart(2, "0")} с`;
}

function group(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** A listener for seedDemo's onProgress that draws on `stream`. */
export function progressPrinter(
  stream: { isTTY?: boolean; write(text: string): unknown },
  clock: ProgressClock = Date.now,
) {
  const started = clock();
  let lastTenth = -1;
  let open = false;
  return {
    update(done: number, total: number) {
      const line = formatProgress(done, total, clock() - started);
      if (stream.isTTY) {
        // The last redraw ends the line, so that what is logged next starts on its own.
        open = done < total;
        stream.write(`\r${line}\x1b[K${open ? "" : "\n"}`);
        return;
      }
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (open) stream.write("\n");
      open = false;
    },
  };
}
