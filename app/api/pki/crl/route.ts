import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { buildCrl } from "@/lib/kep/provider/build-crl";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

const ZFamily = z.enum(["rsa", "ecdsa", "dstu"]).default("rsa");

/** The test provider's current CRL (DER) of one issuing CA: RSA by default, ?ca=ecdsa or ?ca=dstu. */
export const GET = apiRoute(async (request) => {
  const family = ZFamily.safeParse(new URL(request.url).searchParams.get("ca") ?? undefined);
  if (!family.success) throw AppError.notFound("Список відкликаних сертифікатів");
  const crl = await buildCrl(createCtx({ actor: null }), { family: family.data });
  return new Response(crl, {
    headers: {
      "content-type": "application/pkix-crl",
      "content-disposition": `inline; filename="bronya-test-ca-${family.data}.crl"`,
      "cache-control": "no-store",
    },
  });
});
