import "server-only";
import { createHash } from "node:crypto";
import { type DbTx, type SignedDocumentKind } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { readCertificateIdentityFromDer } from "./certificate-identity";
import { PROVIDER_NAME } from "./ca/create-ca";
import { REVOCATION_REASON_LABELS, isRevocationReason } from "./provider/revoke-certificate";
import { loadVerificationTrust, verificationStatusLookup } from "./trust-list/verification-trust";
import { bytesToHex, normalizeSerial } from "./bytes";
import { checkIssuedByProvider, formatKyivTime } from "./verify/check-certificate";
import { checkSignatureIntegrity } from "./verify/check-integrity";
import { parseDetachedSignature } from "./verify/parse-signature";
import { nameAttribute } from "./verify/match-signer";
import { FAMILY_LABEL, publicKeyAlgorithmOf, type DigestName } from "./verify/algorithms";

const DIGEST_LABEL: Record<DigestName, string> = {
  "SHA-256": "SHA-256",
  "SHA-384": "SHA-384",
  GOST34311: "ГОСТ 34.311",
  KUPYNA256: "Купина-256 (ДСТУ 7564)",
};

// A human-readable verification report for a stored signed document, downloaded beside its
// .p7s. The signature is checked again now (integrity and issuer); the certificate's status
// is reported as it is now, which may differ from when the document was accepted.

const KIND_LABELS: Record<SignedDocumentKind, string> = {
  RESERVATION_APPLICATION: "Заява про бронювання",
  ANNULMENT_APPLICATION: "Заява про анулювання бронювання",
  CRITICAL_DECISION: "Рішення про критичність підприємства",
  DECISION_CHANGE: "Зміна рішення про критичність",
  DECISION_IMPORT: "Імпорт рішень про критичність",
  AUTHORIZATION: "Уповноваження",
  RULESET_VERSION: "Версія правил бронювання",
  CERTIFICATE_DECISION: "Рішення стройової частини щодо довідки",
  SERVICE_PERIOD_CORRECTION: "Виправлення періоду служби стройовою частиною",
  NOTICE_BATCH: "Пакет повісток ТЦК та СП",
  OTHER: "Інший документ",
};

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

type Recheck = { lines: string[]; importedStatus: string | null };

async function recheck(client: DbTx, now: Date, content: Uint8Array, signature: Uint8Array): Promise<Recheck> {
  try {
    const parsed = parseDetachedSignature(signature);
    await checkSignatureIntegrity(parsed, content);
    const issuer = await checkIssuedByProvider(
      parsed.certificate,
      parsed.certificateDer,
      await loadVerificationTrust(client),
    );
    const issuerName = nameAttribute(issuer.certificate.subject, "2.5.4.3") ?? PROVIDER_NAME;
    const lines = [
      `Цілісність: вміст документа збігається з підписаним (${DIGEST_LABEL[parsed.digestName]} у підписі відповідає вмісту).`,
      `Підпис: математично коректний (${FAMILY_LABEL[publicKeyAlgorithmOf(parsed.certificate.subjectPublicKeyInfo).family]}), створений ключем зазначеного сертифіката.`,
      `Сертифікат: виданий «${issuerName}», ланцюжок до довіреного кореневого сертифіката перевірено.`,
    ];
    // An imported provider's certificate: its status now, from the provider's OCSP or CRL.
    let importedStatus: string | null = null;
    if (issuer.source === "imported") {
      const serial = normalizeSerial(bytesToHex(parsed.certificate.serialNumber.valueBlock.valueHexView));
      try {
        const status = await verificationStatusLookup(client, now)(serial, { certificate: parsed.certificate, issuer });
        importedStatus = !status
          ? "невідомий надавачеві"
          : status.status === "REVOKED"
            ? `скасований${status.revokedAt ? ` ${formatKyivTime(status.revokedAt)}` : ""}`
            : "чинний (за відповіддю надавача)";
      } catch (error) {
        if (!isAppError(error)) throw error;
        importedStatus = `не вдалося перевірити (${error.message})`;
      }
    }
    return { lines, importedStatus };
  } catch (error) {
    // An outage is not a verdict on the signature: let the caller answer with an error.
    if (!isAppError(error)) throw error;
    return { lines: [`ПЕРЕВІРКА НЕ ПРОЙДЕНА: ${error.message} (${error.code}).`], importedStatus: null };
  }
}

function certificateStatusNow(
  certificate: { status: string; revokedAt: Date | null; revocationReason: string | null; notAfter: Date },
  now: Date,
): string {
  if (certificate.status === "REVOKED") {
    const when = certificate.revokedAt ? ` ${formatKyivTime(certificate.revokedAt)}` : "";
    const why = isRevocationReason(certificate.revocationReason)
      ? ` (причина: ${REVOCATION_REASON_LABELS[certificate.revocationReason]})`
      : "";
    return `скасований${when}${why}`;
  }
  if (certificate.notAfter < now) return `строк дії минув ${formatKyivTime(certificate.notAfter)}`;
  return "чинний";
}

export async function buildVerificationReport(
  ctx: Ctx<"db" | "now">,
  documentId: string,
): Promise<{ text: string; fileName: string }> {
  const { db: client, now } = ctx;
  const document = await client.signedDocument.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      kind: true,
      content: true,
      contentSha256: true,
      signature: true,
      signatureSha256: true,
      signerRnokpp: true,
      signerName: true,
      signerEdrpou: true,
      signingTime: true,
      verifiedAt: true,
      edrpou: true,
      certificate: {
        select: {
          serial: true,
          der: true,
          organization: true,
          title: true,
          notBefore: true,
          notAfter: true,
          status: true,
          revokedAt: true,
          revocationReason: true,
        },
      },
    },
  });
  if (!document) throw AppError.notFound("Підписаний документ");

  const content = new Uint8Array(document.content);
  const signature = new Uint8Array(document.signature);
  // The test КНЕДП's record when it issued the key; otherwise the certificate inside the signature.
  const record = document.certificate;
  const carried = record ? null : readCertificateIdentityFromDer(parseDetachedSignature(signature).certificateDer);
  const certificate = record ?? {
    serial: carried!.serial,
    organization: carried!.organization ?? null,
    title: carried!.title ?? null,
    notBefore: carried!.notBefore,
    notAfter: carried!.notAfter,
  };
  const issuerName = record
    ? readCertificateIdentityFromDer(new Uint8Array(record.der)).issuerName
    : carried!.issuerName;
  const contentDigest = sha256Hex(content);
  const checked = await recheck(client, now, content, signature);
  const statusNow = record
    ? certificateStatusNow(record, now)
    : (checked.importedStatus ?? "не перевірено: сертифікат не підтверджено довіреним надавачем");

  const lines = [
    "ПРОТОКОЛ ПЕРЕВІРКИ КВАЛІФІКОВАНОГО ЕЛЕКТРОННОГО ПІДПИСУ",
    `Портал «Броня» · сформовано ${formatKyivTime(now)} (за київським часом)`,
    "",
    "Документ",
    `  Ідентифікатор: ${document.id}`,
    `  Вид: ${KIND_LABELS[document.kind]}`,
    ...(document.edrpou ? [`  ЄДРПОУ підприємства: ${document.edrpou}`] : []),
    `  Розмір вмісту: ${content.length} байт`,
    `  SHA-256 вмісту: ${contentDigest}${contentDigest === document.contentSha256 ? "" : " (НЕ ЗБІГАЄТЬСЯ із записаним при прийнятті!)"}`,
    `  SHA-256 файлу підпису (.p7s): ${document.signatureSha256}`,
    "",
    "Підписувач",
    `  ПІБ: ${document.signerName}`,
    `  РНОКПП: ${document.signerRnokpp}`,
    ...(certificate.organization
      ? [
          `  Організація: ${certificate.organization}${document.signerEdrpou ? ` (ЄДРПОУ ${document.signerEdrpou})` : ""}`,
        ]
      : []),
    ...(certificate.title ? [`  Посада: ${certificate.title}`] : []),
    `  Час підписання (зазначений у підписі): ${formatKyivTime(document.signingTime)}`,
    `  Підпис перевірено й прийнято порталом: ${formatKyivTime(document.verifiedAt)}`,
    "",
    "Сертифікат підписувача",
    `  Серійний номер: ${certificate.serial}`,
    `  Видавець: ${issuerName}`,
    `  Строк дії: з ${formatKyivTime(certificate.notBefore)} по ${formatKyivTime(certificate.notAfter)}`,
    `  Статус на момент формування протоколу: ${statusNow}`,
    "",
    "Повторна перевірка підпису",
    ...checked.lines.map((line) => `  ${line}`),
    "",
    "Формат: CAdES-BES, відокремлений підпис CMS (RFC 5652, DER).",
    ...(record ? [`Увага: «${PROVIDER_NAME}» — тестовий надавач; підпис не має юридичної сили кваліфікованого.`] : []),
    "",
  ];
  return { text: lines.join("\n"), fileName: `protokol-perevirky-${document.id}.txt` };
}
