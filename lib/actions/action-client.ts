import "server-only";
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { CABINET_PERMISSION, can, type ActorWith, type Permission } from "@/lib/auth/permissions";
import { AppError, toAppError, zodToAppError } from "@/lib/errors";

/** What a server action returns to the browser: data, or a Ukrainian error with field messages. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };
    };

type Handler<S extends z.ZodType, T, A> = (input: z.output<S>, actor: A) => Promise<T>;

/**
 * Builds the action client of one cabinet: it loads the actor from the session, refuses anyone
 * without the cabinet's permission (the same one its pages gate on, lib/auth/gate.ts), parses the input with the action's zod schema, and turns domain errors into
 * results the form can show. Identity never comes from the input.
 */
export function createActionClient<P extends Permission>(permission: P) {
  return function action<S extends z.ZodType, T>(schema: S, handler: Handler<S, T, ActorWith<P>>) {
    return async (input: unknown): Promise<ActionResult<T>> => {
      try {
        const actor = await getActor();
        if (!actor) throw new AppError("UNAUTHENTICATED", "Сеанс завершено. Увійдіть знову");
        if (!can(actor, permission)) throw new AppError("FORBIDDEN");
        const parsed = schema.safeParse(input);
        if (!parsed.success) throw zodToAppError(parsed.error);
        return { ok: true, data: await handler(parsed.data, actor) };
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === "INTERNAL") console.error("[action]", error);
        return {
          ok: false,
          error: {
            code: appError.code,
            message: appError.message,
            ...(appError.fields ? { fields: appError.fields } : {}),
            ...(appError.details ? { details: appError.details } : {}),
          },
        };
      }
    };
  };
}

export const companyAction = createActionClient(CABINET_PERMISSION.company);
export const ministryAction = createActionClient(CABINET_PERMISSION.ministry);
export const conscriptAction = createActionClient(CABINET_PERMISSION.me);
export const unitAction = createActionClient(CABINET_PERMISSION.unit);
export const adminAction = createActionClient(CABINET_PERMISSION.admin);
export const methodologyAction = createActionClient(CABINET_PERMISSION.methodology);
export const staffAction = createActionClient(CABINET_PERMISSION.staff);
export const tckAction = createActionClient(CABINET_PERMISSION.tck);
export const centreAction = createActionClient(CABINET_PERMISSION.centre);
