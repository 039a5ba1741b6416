import "server-only";
import type { Ctx } from "@/lib/context";
import { type Prisma } from "@/lib/db/client";
import { addDays, isIsoDate } from "@/lib/rules";
import { z } from "@/lib/zod";
import { loadActingAuthority } from "./acting-authority";

// The authority's audit log: who did what and when, newest first, with the signed document
// behind each act. Only rows recorded for this authority; filters by action and by Kyiv day.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "decision.granted": "Надано статус критично важливого",
  "decision.imported": "Рішення імпортовано",
  "decisions.import": "Імпорт пакета рішень",
  "decision.confirmed": "Статус підтверджено",
  "decision.extended": "Строк дії продовжено",
  "decision.limit_changed": "Ліміт змінено",
  "decision.revoked": "Рішення скасовано",
  "official.added": "Додано посадову особу",
  "official.withdrawn": "Повноваження посадової особи припинено",
  "official.test_key_issued": "Видано тестовий ключ КЕП посадовій особі",
  "authority.created": "Створено орган влади",
  "authority.updated": "Змінено дані органу влади",
};

export const ZAuditQuery = z.object({
  action: z
    .string()
    .max(60)
    .regex(/^[a-z_.]+$/)
    .optional()
    .catch(undefined),
  from: z.string().refine(isIsoDate).optional().catch(undefined),
  to: z.string().refine(isIsoDate).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditQuery = z.output<typeof ZAuditQuery>;

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  at: Date;
  actorRnokpp: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  edrpou: string | null;
  enterpriseName: string | null;
  details: Prisma.JsonValue;
  signedDocumentId: string | null;
};

export async function listAuditLog(
  ctx: Ctx<"actor" | "db">,
  input: { query?: unknown } = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number; actions: string[]; query: AuditQuery }> {
  const client = ctx.db;
  const authority = await loadActingAuthority({ db: client, actor: ctx.actor }, { permission: "audit.read" });
  const query = ZAuditQuery.parse(input.query ?? {});
  const page = query.page ?? 1;
  const at: Prisma.DateTimeFilter = {};
  if (query.from) at.gte = kyivMidnight(query.from);
  if (query.to) at.lt = kyivMidnight(addDays(query.to, 1));
  const where: Prisma.AuditLogWhereInput = {
    authorityId: authority.id,
    ...(query.action ? { action: query.action } : {}),
    ...(query.from || query.to ? { at } : {}),
  };

  const [rows, total, actions] = await Promise.all([
    client.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "asc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    client.auditLog.count({ where }),
    client.auditLog.findMany({
      where: { authorityId: authority.id },
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
  ]);
  const rnokpps = [...new Set(rows.map((r) => r.actorRnokpp).filter((v): v is string => !!v))];
  const edrpous = [...new Set(rows.map((r) => r.edrpou).filter((v): v is string => !!v))];
  const [users, enterprises] = await Promise.all([
    rnokpps.length
      ? client.user.findMany({ where: { rnokpp: { in: rnokpps } }, select: { rnokpp: true, fullName: true } })
      : [],
    edrpous.length
      ? client.enterprise.findMany({ where: { edrpou: { in: edrpous } }, select: { edrpou: true, name: true } })
      : [],
  ]);
  const userName = new Map(users.map((u) => [u.rnokpp, u.fullName]));
  const enterpriseName = new Map(enterprises.map((e) => [e.edrpou, e.name]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorRnokpp: r.actorRnokpp,
      actorName: r.actorRnokpp ? (userName.get(r.actorRnokpp) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      edrpou: r.edrpou,
      enterpriseName: r.edrpou ? (enterpriseName.get(r.edrpou) ?? null) : null,
      details: r.details,
      signedDocumentId: r.signedDocumentId,
    })),
    total,
    page,
    pageSize: AUDIT_PAGE_SIZE,
    actions: actions.map((a) => a.action),
    query,
  };
}

/** The instant a Kyiv calendar day begins (UTC+2 in winter, UTC+3 in summer). */
export function kyivMidnight(day: string): Date {
  for (const offset of ["+03:00", "+02:00"]) {
    const candidate = new Date(`${day}T00:00:00${offset}`);
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Kyiv",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    }).formatToParts(candidate);
    const get = (type: string) => parts.find((p) => p.type === type)?.value;
    if (`${get("year")}-${get("month")}-${get("day")}` === day && get("hour") === "00") return candidate;
  }
  return new Date(`${day}T00:00:00+02:00`);
}
