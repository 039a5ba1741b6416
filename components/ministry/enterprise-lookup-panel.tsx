"use client";

import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { EnterpriseLookup } from "@/lib/enterprises/lookup-enterprise";
import { formatDate } from "@/lib/format";
import { EnterpriseCard } from "./enterprise-card";

export type LookupState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; data: EnterpriseLookup };

/** What the register says about the typed ЄДРПОУ, and whether this authority may decide on it. */
export function EnterpriseLookupPanel({ lookup }: { lookup: LookupState }) {
  if (lookup.status === "idle")
    return <p className="text-sm text-muted">Введіть код — покажемо відомості з Єдиного державного реєстру.</p>;
  if (lookup.status === "loading")
    return (
      <p className="text-sm text-muted" role="status">
        Триває завантаження даних, будь ласка, зачекайте…
      </p>
    );
  if (lookup.status === "error") return <Notice tone="error">{lookup.message}</Notice>;
  const data = lookup.data;
  if (!data.found) {
    return (
      <Notice tone="error" testId="enterprise-not-found">
        Підприємство з кодом ЄДРПОУ {data.edrpou} не знайдено в Єдиному державному реєстрі.
      </Notice>
    );
  }
  return (
    <div className="space-y-3">
      <EnterpriseCard enterprise={data.enterprise} />
      {data.outsideCompetence ? (
        <Notice tone="error" testId="outside-competence">
          {data.outsideCompetence}
        </Notice>
      ) : null}
      {data.activeDecision ? (
        <Notice tone="error" testId="active-decision">
          Підприємство вже має чинне рішення:{" "}
          {data.activeDecision.ownAuthority ? "вашого органу" : data.activeDecision.authorityShortName}, №{" "}
          {data.activeDecision.number} від {formatDate(data.activeDecision.decidedOn)}, діє до{" "}
          {formatDate(data.activeDecision.effectiveUntil)}.
          {data.activeDecision.ownAuthority ? (
            <>
              {" "}
              <Link className="link" href={`/ministry/decisions/${data.activeDecision.id}`}>
                Відкрити рішення
              </Link>
            </>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
