import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { getDocumentFile } from "@/lib/documents/get-document-file";
import { createCtx } from "@/lib/context-server";

// GET /api/documents/<id>/{signature|content|report}: a signed document's .p7s, the exact bytes
// it covers, or its verification report — for the signer, the enterprise's head and authorized
// persons, and the officials of its authority (lib/documents); 404 for anyone else.

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string; part: string }>(async (_request, { params }) => {
  const { id, part } = await params;
  const file = await getDocumentFile(createCtx({ actor: await getActor() }), { documentId: id, part });
  return new Response(Uint8Array.from(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "content-length": String(file.body.length),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
