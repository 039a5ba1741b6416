import { apiRoute } from "@/lib/api/handler";
import { checkCertificatePdf } from "@/lib/certificates/verify-certificate";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";

const MAX_BYTES = 5 * 1024 * 1024;

// Public: anyone holding a copy of the PDF checks that it is the very file that was sealed.
// The body is the PDF itself; a changed byte is 422, an unknown code 404. Rate-limited with
// the rest of /verify/ by proxy.ts.
export const POST = apiRoute<{ code: string }>(async (request, { params }) => {
  const { code } = await params;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) throw new AppError("CERTIFICATE_PDF_INVALID");
  const pdf = new Uint8Array(await request.arrayBuffer());
  if (pdf.length === 0 || pdf.length > MAX_BYTES || Buffer.from(pdf.subarray(0, 5)).toString("latin1") !== "%PDF-")
    throw new AppError("CERTIFICATE_PDF_INVALID");
  const verdict = await checkCertificatePdf(createCtx({ actor: null, readOnly: true }), { code, pdf });
  return Response.json({ matches: true, status: verdict.status, number: verdict.number });
});
