export * from "./app-error";
export { errorMessage, errorStatus, isErrorCode, KEP_ERROR_CODES, type KepErrorCode } from "./catalogue";
export * from "./zod";
export { isDatabaseUnavailable, onDatabaseUnavailable } from "./database-unavailable";
