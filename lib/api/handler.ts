import "server-only";
import { AppError, toAppError } from "@/lib/errors";

type Context<P> = { params: Promise<P> };

/**
 * Wraps a route handler: every thrown AppError becomes `{ "error": { "code", "message" } }`
 * with its status; anything else a 500 with no internals.
 */
export function apiRoute<P = Record<string, string>>(
  handler: (request: Request, context: Context<P>) => Promise<Response>,
) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") console.error("[api]", request.method, new URL(request.url).pathname, error);
      return Response.json(appError.toJSON(), { status: appError.status });
    }
  };
}

/** Reads a JSON body with a size cap; malformed JSON is a 400, not a 500. */
export async function readJson(request: Request, maxBytes = 2_000_000): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Тіло запиту не є коректним JSON");
  }
}
