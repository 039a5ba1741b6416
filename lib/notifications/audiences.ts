/** The cabinet a notification belongs to (the inbox that shows it). */
export const AUDIENCES = ["company", "me", "ministry", "unit", "staff", "tck", "centre"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_INBOX: Record<Audience, string> = {
  company: "/company/notifications",
  me: "/me/notifications",
  ministry: "/ministry/notifications",
  unit: "/unit/notifications",
  staff: "/staff/notifications",
  tck: "/tck/notifications",
  centre: "/centre/notifications",
};
