import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress, progressPrinter } from "./progress";
import { expectEvery } from "@/tests/support/expect-every";

describe("formatProgress", () => {
  it("shows count, percent, rate and time left", () => {
    expect(formatProgress(250_000, 1_000_000, 10_000)).toBe(
      "██████░░░░░░░░░░░░░░░░░░ 250 000 / 1 000 000 осіб (25%) · 25 000 осіб/с · залишилось ~30 с",
    );
  });

  it("says when it is done and when it cannot estimate yet", () => {
    expect(formatProgress(30_000, 30_000, 2_000)).toMatch(/\(100%\).*готово$/);
    expect(formatProgress(0, 30_000, 0)).toMatch(/\(0%\) · 0 осіб\/с · оцінюю час…$/);
  });

  it("formats durations in minutes past a minute", () => {
    expect(formatDuration(59_400)).toBe("59 с");
    expect(formatDuration(125_000)).toBe("2 хв 05 с");
  });
});

describe("progressPrinter", () => {
  it("redraws one line with \\r on a terminal and ends it when done", () => {
    const out: string[] = [];
    let t = 0;
    const printer = progressPrinter({ isTTY: true, write: (text) => out.push(text) }, () => t);
    t = 1000;
    printer.update(10, 100);
    t = 2000;
    printer.update(100, 100);
    printer.finish();
    expect(out[0]).toMatch(/^\r.*10 \/ 100.*\x1b\[K$/);
    expect(out[1]).toMatch(/^\r.*100 \/ 100.*\n$/);
    expect(out).toHaveLength(2);
  });

  it("prints a line per tenth of the way into a file", () => {
    const out: string[] = [];
    const printer = progressPrinter({ isTTY: false, write: (text) => out.push(text) }, () => 0);
    for (let done = 0; done <= 1000; done += 50) printer.update(done, 1000);
    printer.finish();
    expect(out).toHaveLength(11);
    expectEvery(out, (line) => line.endsWith("\n") && !line.includes("\r"));
  });
});
