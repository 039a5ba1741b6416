import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { Prisma, type DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bytesEqual } from "@/lib/kep/bytes";
import { kepError } from "@/lib/kep/errors";
import { consumeNonce } from "@/lib/kep/nonce/consume-nonce";
import { MAX_SIGNATURE_BYTES } from "@/lib/kep/verify/parse-signature";
import type { SignerIdentity } from "@/lib/kep/verify/verify-detached-signature";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import { listRoleOptions } from "../list-role-options";
import type { RoleOption } from "../roles";
import { kepLoginError } from "./kep-login-errors";
import {
  buildLoginChallenge,
  loginChallengeBytes,
  LOGIN_NONCE_PURPOSE,
  MAX_CHALLENGE_BYTES,
  parseLoginChallenge,
} from "./login-challenge";

// The second half of signing in with a КЕП: the signed challenge comes back; the server checks
// its own nonce, rebuilds the bytes, verifies the signature (steps 1–6 of the spec), and only
// then, in one transaction, consumes the nonce, finds or creates the person's account by the
// РНОКПП in the certificate and records the login. A refusal at any step writes nothing.

export type KepLoginInput = { challenge: unknown; signature: unknown };

export type VerifiedKepLogin = {
  user: { id: string; rnokpp: string; fullName: string };
  /** The roles the person holds now; one whose enterprise the certificate names comes first. */
  roles: RoleOption[];
  signer: SignerIdentity;
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_SIGNATURE_BASE64 = Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4;

/** Both fields are base64 strings; size is checked before anything is decoded. */
function decodeInput(input: KepLoginInput): { challengeBytes: Uint8Array; signature: Uint8Array } {
  const { challenge, signature } = input;
  if (
    typeof challenge !== "string" ||
    challenge.length === 0 ||
    challenge.length > Math.ceil(MAX_CHALLENGE_BYTES / 3) * 4 ||
    !BASE64.test(challenge)
  ) {
    throw kepLoginError("KEP_LOGIN_CHALLENGE_INVALID");
  }
  if (typeof signature !== "string" || signature.length === 0)
    throw kepError("SIGNATURE_MALFORMED", "Підпис не надіслано");
  if (signature.length > MAX_SIGNATURE_BASE64) throw kepError("SIGNATURE_TOO_LARGE");
  if (!BASE64.test(signature) || signature.length % 4 !== 0)
    throw kepError("SIGNATURE_MALFORMED", "Підпис має бути в кодуванні base64");
  return {
    challengeBytes: Buffer.from(challenge, "base64"),
    signature: Uint8Array.from(Buffer.from(signature, "base64")),
  };
}

/** The bytes the server itself issued for this nonce, or the reason there are none. */
async function expectedChallenge(
  client: DbTx,
  challengeBytes: Uint8Array,
  now: Date,
): Promise<{ nonce: string; bytes: Uint8Array }> {
  const challenge = parseLoginChallenge(challengeBytes);
  if (!challenge) throw kepLoginError("KEP_LOGIN_CHALLENGE_INVALID");
  const row = await client.nonce.findUnique({
    where: { value: challenge.nonce },
    select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true },
  });
  // A nonce handed out for signing a document does not open a session.
  if (!row || row.purpose !== LOGIN_NONCE_PURPOSE) throw kepError("NONCE_UNKNOWN");
  if (row.usedAt) throw kepError("NONCE_USED");
  if (row.expiresAt <= now) throw kepError("NONCE_EXPIRED");
  const bytes = loginChallengeBytes(
    buildLoginChallenge({
      nonce: challenge.nonce,
      origin: env().PORTAL_URL,
      issuedAt: row.createdAt,
      expiresAt: row.expiresAt,
    }),
  );
  if (!bytesEqual(bytes, challengeBytes)) {
    throw kepLoginError(
      "KEP_LOGIN_CHALLENGE_INVALID",
      "Запит на вхід змінено після того, як його видав портал: оновіть сторінку й підпишіть знову",
    );
  }
  return { nonce: challenge.nonce, bytes };
}

function certificateOrganisationFirst(roles: RoleOption[], edrpou: string | undefined): RoleOption[] {
  if (!edrpou) return roles;
  return [...roles.filter((role) => role.edrpou === edrpou), ...roles.filter((role) => role.edrpou !== edrpou)];
}

export async function verifyKepLogin(ctx: Ctx<"db" | "now">, input: KepLoginInput): Promise<VerifiedKepLogin> {
  const { db: client, now } = ctx;
  const { challengeBytes, signature } = decodeInput(input);
  const expected = await expectedChallenge(client, challengeBytes, now);
  const {
    certificateDer: _der,
    issuerName: _issuer,
    ...signer
  } = await verifySignature({ db: client, now }, { signature, content: expected.bytes });

  return inTransaction(client, async (tx) => {
    // Atomic: of two logins with the same signed nonce exactly one gets past this line.
    await consumeNonce({ db: tx, now }, { value: expected.nonce, purpose: LOGIN_NONCE_PURPOSE });
    const existing = await tx.user.findUnique({
      where: { rnokpp: signer.rnokpp },
      select: { id: true, fullName: true, disabledAt: true },
    });
    if (existing?.disabledAt) throw kepLoginError("ACCOUNT_DISABLED");
    const roles = await listRoleOptions({ db: tx }, { userId: existing?.id ?? null, rnokpp: signer.rnokpp });
    if (roles.length === 0) throw kepLoginError("NO_ROLES");

    let user: { id: string; fullName: string };
    try {
      user = existing
        ? await tx.user.update({
            where: { id: existing.id },
            data: { lastLoginAt: now },
            select: { id: true, fullName: true },
          })
        : await tx.user.create({
            data: { rnokpp: signer.rnokpp, fullName: signer.fullName, lastLoginAt: now },
            select: { id: true, fullName: true },
          });
    } catch (error) {
      // The same person's first login from two tabs at once: the other one created the row.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", "Вхід цієї особи саме виконується в іншій вкладці: спробуйте ще раз");
      }
      throw error;
    }
    await writeAudit(tx, {
      actor: { rnokpp: signer.rnokpp, role: roles.length === 1 ? roles[0]!.role : null },
      action: "auth.login",
      entityType: "User",
      entityId: user.id,
      details: {
        via: "kep",
        certificateSerial: signer.certificateSerial,
        certificateEdrpou: signer.edrpou ?? null,
        signingTime: signer.signingTime.toISOString(),
        roles: roles.map((role) => role.role),
        newAccount: !existing,
      },
    });
    return {
      user: { id: user.id, rnokpp: signer.rnokpp, fullName: user.fullName },
      roles: certificateOrganisationFirst(roles, signer.edrpou),
      signer,
    };
  });
}
