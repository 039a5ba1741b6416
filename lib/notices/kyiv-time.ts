import { formatDateTime } from "@/lib/format";

/** The instant of a Kyiv wall-clock date and time ("2026-12-07", "09:30"), whatever the server's zone. */
export function kyivWallClockToInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y} ${time}`;
  // Kyiv is UTC+2 in winter and UTC+3 in summer: try both offsets.
  for (const offset of [2, 3]) {
    const instant = new Date(Date.UTC(y, m - 1, d, hh - offset, mm));
    if (formatDateTime(instant) === wall) return instant;
  }
  return new Date(Date.UTC(y, m - 1, d, hh - 2, mm));
}
