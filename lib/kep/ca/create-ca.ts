import type forge from "node-forge";
import { caCertificateExtensions } from "./certificate-profiles";
import { issuerOf, keyIdentifier, signCertificate, type CaMaterial, type Validity } from "./certificate-tools";
import { caSubject } from "./subject-name";

// The test provider's two CA certificates. Keys come from the caller: generating RSA keys
// is the server's job (Node's native generator), never the browser's.

export const PROVIDER_NAME = "Тестовий КНЕДП «Броня»";
export const ROOT_CA_NAME = `${PROVIDER_NAME}: кореневий сертифікат`;
export const ISSUING_CA_NAME = `${PROVIDER_NAME}: сертифікат для видачі КЕП`;

type KeyPair = { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey };

export type CreateRootCaOptions = Validity & {
  keys: KeyPair;
  /** Another name than the provider's: tests build look-alike roots with the same name. */
  commonName?: string;
  organization?: string;
};

/** A self-signed root: basicConstraints cA, keyCertSign and cRLSign. */
export function createRootCa(options: CreateRootCaOptions): CaMaterial {
  const subject = caSubject(options.commonName ?? ROOT_CA_NAME, options.organization ?? PROVIDER_NAME);
  const keyId = keyIdentifier(options.keys.publicKey);
  const certificate = signCertificate(
    {
      subject,
      issuer: subject,
      publicKey: options.keys.publicKey,
      validity: options,
      extensions: caCertificateExtensions({ keyId, issuerKeyId: keyId, issuing: false }),
    },
    options.keys.privateKey,
  );
  return { certificate, privateKey: options.keys.privateKey };
}

export type CreateIssuingCaOptions = Validity & {
  root: CaMaterial;
  keys: KeyPair;
  /** Where the root certificate can be downloaded (AIA caIssuers). */
  rootCertificateUrl?: string;
  commonName?: string;
  organization?: string;
};

/** The CA that signs users' certificates and the CRL; may sign end-entity certificates only. */
export function createIssuingCa(options: CreateIssuingCaOptions): CaMaterial {
  const issuer = issuerOf(options.root);
  const extensions = caCertificateExtensions({
    keyId: keyIdentifier(options.keys.publicKey),
    issuerKeyId: issuer.keyId,
    issuing: true,
    rootCertificateUrl: options.rootCertificateUrl,
  });
  const certificate = signCertificate(
    {
      subject: caSubject(options.commonName ?? ISSUING_CA_NAME, options.organization ?? PROVIDER_NAME),
      issuer: issuer.name,
      publicKey: options.keys.publicKey,
      validity: options,
      extensions,
    },
    options.root.privateKey,
  );
  return { certificate, privateKey: options.keys.privateKey };
}
