import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { DOCUMENT_FORMATS, getSignedDocument, type DocumentFormat } from "@/lib/enterprises/get-signed-document";
import { AppError } from "@/lib/errors";

// A signed document of the official's authority: ?format=p7s (the signature), content (the
// exact bytes signed) or report (the verification report). Another authority's: 404.
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { id } = await params;
  const requested = new URL(request.url).searchParams.get("format") ?? "p7s";
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(requested)) throw new AppError("BAD_REQUEST", "Невідомий формат: p7s, content або report");
  const file = await getSignedDocument({ actor, documentId: id, format: requested as DocumentFormat });
  return new Response(Buffer.from(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
