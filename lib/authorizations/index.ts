// Authorized persons of an enterprise: the head grants, with a signature, another person the
// right to read the staff and prepare applications, and withdraws it the same way. Server-only
// (schemas.ts and authorization-document.ts are browser-safe).
export { prepareAuthorizationGrant, type PreparedAuthorization } from "./prepare-authorization-grant";
export { grantAuthorization } from "./grant-authorization";
export { prepareAuthorizationWithdrawal } from "./prepare-authorization-withdrawal";
export { withdrawAuthorization } from "./withdraw-authorization";
export { listAuthorizations, type AuthorizationSummary } from "./list-authorizations";
export { authorizationError, type AuthorizationErrorCode } from "./errors";
