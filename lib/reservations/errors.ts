import { AppError, type ErrorCode } from "@/lib/errors";

// The refusals of the application lifecycle (codes, statuses and messages in the one catalogue,
// lib/errors/catalogue.ts). Foreign and unknown objects answer alike with 404: nobody learns
// what another holds.

export type ReservationErrorCode = Extract<
  ErrorCode,
  | "ENTERPRISE_NOT_FOUND"
  | "DRAFT_NOT_FOUND"
  | "APPLICATION_NOT_FOUND"
  | "DRAFT_STALE"
  | "DRAFT_ALREADY_SUBMITTED"
  | "DRAFT_CORRUPT"
  | "APPLICATION_DATA_CORRUPT"
  | "ACTOR_WITHOUT_IDENTITY"
  | "ANNULMENT_TOO_SOON"
>;

export function reservationError(
  code: ReservationErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): AppError {
  return new AppError(code, message, { details });
}
