// "Expires soon": the one window the cabinets use for a reservation or a critical-status decision
// nearing its end — the company's employee list and overview, the ministry's dashboard and the
// citizen's reservation card. Pure.

/** Days left (0 on the last day) at or below which a reservation or decision expires soon. */
export const EXPIRING_WITHIN_DAYS = 30;

/** Whether something with `daysLeft` days left (0 on its last day) expires soon. */
export function expiresSoon(daysLeft: number): boolean {
  return daysLeft <= EXPIRING_WITHIN_DAYS;
}
