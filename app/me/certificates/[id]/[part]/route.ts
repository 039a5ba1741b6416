import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { getCertificateFile } from "@/lib/certificates/get-certificate-file";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";

// The holder downloads the sealed PDF (/pdf) or its detached qualified seal (/p7s), exactly as stored.
export const GET = apiRoute<{ id: string; part: string }>(async (_request, { params }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const file = await getCertificateFile(createCtx({ actor }), await params);
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
