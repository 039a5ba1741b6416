import "server-only";
import type { NoticeKind, NoticeStatus } from "@/lib/db/client";
import { kyivDate } from "@/lib/format";
import type { Registry, TccRecord } from "@/lib/registry";
import { noticeRulesetFor } from "@/lib/rules/notices";
import { NOTICE_LEGAL_BASIS } from "./labels";
import { noticeNumber } from "./notice-number";
import { noticeVerifyUrl } from "./notice-verify-url";

// One printed notice (повістка) as the PDF draws it: what the signed batch says, the addressee
// as the registry knows them now (birth year, address), the head's signature and the QR link.

export type NoticeSheet = {
  number: string;
  kind: NoticeKind;
  tcc: { name: string; address: string };
  person: { fullName: string; birthYear: number | null; address: string | null };
  appearAt: Date;
  place: string;
  formedAt: Date;
  legalBasis: string;
  signer: { name: string; signedAt: Date };
  /** The absolute URL of the public check, which the QR code encodes. */
  verifyUrl: string;
  withdrawn: { at: Date; reason: string | null } | null;
};

export type PrintableNotice = {
  seq: bigint;
  code: string;
  rnokpp: string;
  fullName: string;
  kind: NoticeKind;
  appearAt: Date;
  place: string;
  status: NoticeStatus;
  statusAt: Date;
  withdrawnReason: string | null;
  createdAt: Date;
};

export const PRINTABLE_NOTICE_SELECT = {
  seq: true,
  code: true,
  rnokpp: true,
  fullName: true,
  kind: true,
  appearAt: true,
  place: true,
  status: true,
  statusAt: true,
  withdrawnReason: true,
  createdAt: true,
} as const;

type SignedBatch = { formedAt: Date; signedAt: Date; signerName: string | null };

export async function buildNoticeSheets(
  registry: Pick<Registry, "findPeople">,
  input: { tcc: Pick<TccRecord, "name" | "address">; batch: SignedBatch; notices: readonly PrintableNotice[] },
): Promise<NoticeSheet[]> {
  const people = await registry.findPeople([...new Set(input.notices.map((n) => n.rnokpp))]);
  const ruleset = noticeRulesetFor(kyivDate(input.batch.formedAt));
  return input.notices.map((notice) => {
    const person = people.get(notice.rnokpp);
    return {
      number: noticeNumber(notice.seq, notice.createdAt),
      kind: notice.kind,
      tcc: { name: input.tcc.name, address: input.tcc.address },
      person: {
        fullName: notice.fullName,
        birthYear: person ? Number(person.birthDate.slice(0, 4)) : null,
        address: person?.address ?? null,
      },
      appearAt: notice.appearAt,
      place: notice.place,
      formedAt: notice.createdAt,
      legalBasis:
        notice.kind === "MOBILISATION"
          ? `${NOTICE_LEGAL_BASIS.MOBILISATION}; ${ruleset.legalBasis}`
          : NOTICE_LEGAL_BASIS[notice.kind],
      signer: { name: input.batch.signerName ?? "Начальник ТЦК та СП", signedAt: input.batch.signedAt },
      verifyUrl: noticeVerifyUrl(notice.code),
      withdrawn: notice.status === "WITHDRAWN" ? { at: notice.statusAt, reason: notice.withdrawnReason } : null,
    };
  });
}
