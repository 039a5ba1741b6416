import "server-only";
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import type { Actor, Role } from "@/lib/auth/roles";
import { AppError, toAppError, zodToAppError } from "@/lib/errors";

/** What a server action returns to the browser: data, or a Ukrainian error with field messages. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> } };

type Handler<S extends z.ZodType, T> = (input: z.output<S>, actor: Actor) => Promise<T>;

/**
 * Builds the action client of one cabinet: it loads the actor from the session, refuses any
 * other role, parses the input with the action's zod schema, and turns domain errors into
 * results the form can show. Identity never comes from the input.
 */
export function createActionClient(roles: readonly Role[]) {
  return function action<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
    return async (input: unknown): Promise<ActionResult<T>> => {
      try {
        const actor = await getActor();
        if (!actor) throw new AppError("UNAUTHENTICATED", "Сеанс завершено. Увійдіть знову");
        if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN");
        const parsed = schema.safeParse(input);
        if (!parsed.success) throw zodToAppError(parsed.error);
        return { ok: true, data: await handler(parsed.data, actor) };
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === "INTERNAL") console.error("[action]", error);
        return { ok: false, error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}), ...(appError.details ? { details: appError.details } : {}) } };
      }
    };
  };
}

export const companyAction = createActionClient(["ENTERPRISE_HEAD", "AUTHORIZED_PERSON"]);
export const ministryAction = createActionClient(["OFFICIAL"]);
export const conscriptAction = createActionClient(["CONSCRIPT"]);
export const unitAction = createActionClient(["RECRUITER"]);
export const adminAction = createActionClient(["ADMIN"]);
export const methodologyAction = createActionClient(["METHODOLOGIST"]);
