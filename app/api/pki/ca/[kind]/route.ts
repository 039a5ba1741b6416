import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { CA_CERTIFICATE_KINDS, getCaCertificate } from "@/lib/kep/provider/get-ca-certificate";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

const ZKind = z.string().refine((kind) => CA_CERTIFICATE_KINDS.includes(kind));

/** /api/pki/ca/root, /api/pki/ca/issuing (RSA) and root-ecdsa, issuing-ecdsa, root-dstu, issuing-dstu: the provider's CA certificates (DER). */
export const GET = apiRoute<{ kind: string }>(async (_request, context) => {
  const kind = ZKind.safeParse((await context.params).kind);
  if (!kind.success) throw AppError.notFound("Сертифікат надавача");
  const certificate = await getCaCertificate(createCtx({ actor: null }), kind.data);
  return new Response(certificate, {
    headers: {
      "content-type": "application/pkix-cert",
      "content-disposition": `attachment; filename="bronya-test-${kind.data}-ca.cer"`,
      "cache-control": "public, max-age=3600",
    },
  });
});
