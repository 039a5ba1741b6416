import os from "node:os";
import forge from "node-forge";
import gost89 from "gost89";
import jk from "jkurwa";
import { openKeyFile } from "@/lib/kep/browser/open-key-file";
import { signDetached } from "@/lib/kep/browser/sign-detached";
import { binaryToBytes, bytesToBinary } from "@/lib/kep/bytes";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { createAnyKeyFile } from "@/lib/kep/ca/create-any-key-file";
import { createKey6Store } from "@/lib/kep/ca/create-key6-store";
import { createKeyFile } from "@/lib/kep/ca/create-key-file";
import { cmsSignerOf, dstuFamilyKey, familyKeyFromPem, type FamilyKey } from "@/lib/kep/ca/family-keys";
import { buildDetachedCms } from "@/lib/kep/cms/build-detached-cms";
import { createFamilyTestPki, issueFamilySigner } from "@/lib/kep/testing/family-pki";
import { HEAD, createKeyPool, createTestPki, issueTestSigner } from "@/lib/kep/testing/test-pki";
import { verifyDetachedSignature } from "@/lib/kep/verify/verify-detached-signature";
import type { TrustAnchors } from "@/lib/kep/verify/trust-anchors";
import { percentile } from "./support/stats";

// КЕП per algorithm family: open the key container (password-based decryption and key import),
// sign an application's canonical bytes (detached CAdES-BES), verify it with the portal's
// verifier (steps 1–6, status from memory). In process, no database. The first verification of a
// certificate also checks its chain (cached afterwards, as in the portal); medians are over the
// repeated ones, the first is reported separately. Target: a DSTU 4145 verification ≤ 50 ms, with
// GOST 34.311 and with Kupyna-256.

const RUNS = Number(process.env.BENCH_KEP_RUNS ?? 15);
const PASSWORD = "Bench-Key-2026";
const content = canonicalJsonBytes({
  edrpou: "43556710",
  employees: Array.from({ length: 50 }, (_, i) => ({ rnokpp: String(2856200248 + i), salary: "30000.00" })),
  nonce: "bench",
});

type Family = {
  algorithm: string;
  container: string;
  open: () => Promise<(bytes: Uint8Array) => Promise<Uint8Array>>;
  trust: TrustAnchors;
  serial: string;
};

async function time<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

function ecdsaFromP12(file: Uint8Array, certificateDer: Uint8Array): (bytes: Uint8Array) => Promise<Uint8Array> {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytesToBinary(file), true), true, PASSWORD);
  const bag = pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
    forge.pki.oids.pkcs8ShroudedKeyBag!
  ]![0]! as unknown as { asn1: forge.asn1.Asn1 };
  const pem = forge.pem.encode({ type: "PRIVATE KEY", body: forge.asn1.toDer(bag.asn1).getBytes() });
  const key: FamilyKey = familyKeyFromPem(pem);
  return (bytes) => buildDetachedCms(cmsSignerOf(key, certificateDer), bytes);
}

async function families(): Promise<Family[]> {
  const pool = await createKeyPool(3);
  const rsaPki = await createTestPki([pool[0]!, pool[1]!]);
  const rsaSigner = issueTestSigner(rsaPki.issuing, pool[2]!, HEAD);
  const rsaFile = createKeyFile({
    privateKey: rsaSigner.privateKey,
    certificate: rsaSigner.certificate,
    chain: [rsaPki.issuing.certificate, rsaPki.root.certificate],
    password: PASSWORD,
  });

  const ecdsaPki = await createFamilyTestPki("ECDSA-P256");
  const ecdsaKey = (await import("@/lib/kep/ca/family-keys")).generateEcdsaKey("P-256");
  const ecdsaSigner = issueFamilySigner(ecdsaPki.issuing, ecdsaKey, HEAD);
  const pkcs8 = forge.pem.decode(ecdsaKey.exportPrivate().value)[0]!.body;
  const ecdsaFile = createAnyKeyFile({
    pkcs8Der: binaryToBytes(pkcs8),
    certificatesDer: [ecdsaSigner.certificateDer, ecdsaPki.issuing.der, ecdsaPki.root.der],
    password: PASSWORD,
  });

  const dstuPki = await createFamilyTestPki("DSTU4145");
  const priv = jk.std_curve("DSTU_PB_257").keygen();
  const dstuSigner = issueFamilySigner(dstuPki.issuing, dstuFamilyKey(priv), HEAD);
  const key6 = createKey6Store(priv, PASSWORD);

  return [
    {
      algorithm: "RSA",
      container: "pkcs12",
      trust: rsaPki.trust,
      serial: rsaSigner.serial,
      open: async () => {
        const opened = openKeyFile(rsaFile, PASSWORD);
        return async (bytes) => signDetached(opened, bytes);
      },
    },
    {
      algorithm: "ECDSA-P256",
      container: "pkcs12",
      trust: ecdsaPki.trust,
      serial: ecdsaSigner.serial,
      open: async () => ecdsaFromP12(ecdsaFile, ecdsaSigner.certificateDer),
    },
    {
      algorithm: "DSTU4145",
      container: "key6",
      trust: dstuPki.trust,
      serial: dstuSigner.serial,
      open: async () => {
        const store = jk.Priv.from_protected(Buffer.from(key6), PASSWORD, gost89.compat.algos());
        const key = dstuFamilyKey(store.keys[0]!);
        return (bytes) => buildDetachedCms(cmsSignerOf(key, dstuSigner.certificateDer), bytes);
      },
    },
    {
      // The same DSTU key and certificate, its CMS hashed with Kupyna-256 (DSTU 7564) instead.
      algorithm: "DSTU4145-KUPYNA256",
      container: "key6",
      trust: dstuPki.trust,
      serial: dstuSigner.serial,
      open: async () => {
        const store = jk.Priv.from_protected(Buffer.from(key6), PASSWORD, gost89.compat.algos());
        const key = dstuFamilyKey(store.keys[0]!, "KUPYNA256");
        return (bytes) => buildDetachedCms(cmsSignerOf(key, dstuSigner.certificateDer), bytes);
      },
    },
  ];
}

const results: Array<Record<string, number | string>> = [];
for (const family of await families()) {
  const openMs: number[] = [];
  const signMs: number[] = [];
  const verifyMs: number[] = [];
  let firstVerifyMs = 0;
  const opens = Math.max(3, Math.ceil(RUNS / 5));
  let sign: ((bytes: Uint8Array) => Promise<Uint8Array>) | null = null;
  for (let i = 0; i < opens; i++) {
    const opened = await time(family.open);
    openMs.push(opened.ms);
    sign = opened.value;
  }
  for (let i = 0; i < RUNS + 1; i++) {
    const signed = await time(() => sign!(content));
    signMs.push(signed.ms);
    const verified = await time(() =>
      verifyDetachedSignature({
        signature: signed.value,
        content,
        trust: family.trust,
        now: new Date(),
        certificateStatus: async () => ({ status: "GOOD", revokedAt: null }),
      }),
    );
    if (verified.value.certificateSerial !== family.serial) throw new Error("перевірено не той сертифікат");
    if (i === 0) firstVerifyMs = verified.ms;
    else verifyMs.push(verified.ms);
  }
  const row = {
    algorithm: family.algorithm,
    container: family.container,
    openMs: Math.round(percentile(openMs, 50)),
    signMs: Math.round(percentile(signMs, 50)),
    verifyMs: Math.round(percentile(verifyMs, 50) * 10) / 10,
    verifyP95Ms: Math.round(percentile(verifyMs, 95) * 10) / 10,
    firstVerifyMs: Math.round(firstVerifyMs),
  };
  results.push(row);
  console.log(
    `${row.algorithm.padEnd(11)} ${row.container.padEnd(7)} відкрити ${row.openMs} мс · підписати ${row.signMs} мс · перевірити ${row.verifyMs} мс (p95 ${row.verifyP95Ms}, перша ${row.firstVerifyMs})`,
  );
}
const dstu = results.filter((row) => String(row.algorithm).startsWith("DSTU4145"));
console.log(
  JSON.stringify({
    bench: "kep",
    cpus: os.cpus().length,
    loadavg: os.loadavg()[0],
    runs: RUNS,
    results,
    targetMet: dstu.length === 2 && dstu.every((row) => Number(row.verifyMs) <= 50),
  }),
);
