// HR API tokens: issued and revoked by an enterprise's head, used by its HR system as
// `Authorization: Bearer brn_…`. Server-only (token-format.ts is pure).
export { issueApiToken, issueDemoApiToken, ZApiTokenName, type IssuedApiToken } from "./issue-api-token";
export { revokeApiToken } from "./revoke-api-token";
export { listApiTokens, type ApiTokenSummary } from "./list-api-tokens";
export { authenticateApiToken } from "./authenticate-api-token";
export { demoApiToken, API_TOKEN_PREFIX } from "./token-format";
