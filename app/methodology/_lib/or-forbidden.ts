import "server-only";
import { forbidden } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * The rules are kept by the Ministry of Economy: a methodologist of another authority (or one
 * whose membership was withdrawn since sign-in) gets the 403 page, not an error page.
 */
export async function orForbidden<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
