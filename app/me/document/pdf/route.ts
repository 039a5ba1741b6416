import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { dataUpdateInfo } from "@/lib/citizen/status-info";
import { AppError } from "@/lib/errors";
import { evodVerifyUrl } from "@/lib/evod/evod-url";
import { getMyEvod } from "@/lib/evod/get-my-evod";
import { renderEvodPdf } from "@/lib/evod/render-evod-pdf";
import { kyivDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

// The signed-in citizen's current еВОД as a PDF. Only a document that is valid right now is
// drawn: a PDF of a stale one would be a false document the moment it is printed.
export const GET = apiRoute(async () => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const now = new Date();
  const evod = await getMyEvod(createCtx({ actor, now }));
  if (!evod || !evod.verdict.valid)
    throw new AppError("NOT_FOUND", "Чинного еВОД немає: сформуйте його на сторінці «еВОД»");
  const pdf = await renderEvodPdf({
    code: evod.code,
    issuedAt: evod.issuedAt,
    validUntil: evod.validUntil,
    snapshot: evod.snapshot,
    verifyUrl: evodVerifyUrl(evod.code),
    dataUpToDate: dataUpdateInfo(evod.snapshot.military?.dataUpdatedOn ?? null, kyivDate(now)).upToDate,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="evod-${evod.issuedAt.toISOString().slice(0, 10)}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
