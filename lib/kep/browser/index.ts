// The browser's КЕП toolkit: open a key file, show whose it is, sign the exact bytes the
// server prepared. Imports node-forge and pure code only (browser-safety.test.ts checks it).

export { openKeyFile, MAX_KEY_FILE_BYTES, type OpenedKeyFile } from "./open-key-file";
export {
  openKeyContainer,
  FORMAT_LABEL,
  type ContainerKey,
  type OpenedKeyContainer,
  type KeyContainerFormat,
} from "./open-key-container";
export { signDetached, type SignDetachedOptions, type SigningKey } from "./sign-detached";
export { canonicalJson, canonicalJsonBytes, type JsonValue } from "../canonical-json";
export type { CertificateIdentity } from "../certificate-identity";
export { isKepError, type KepErrorCode } from "../errors";
