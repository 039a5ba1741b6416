import { apiRoute } from "@/lib/api/handler";
import { buildCrl } from "@/lib/kep/provider/build-crl";

export const dynamic = "force-dynamic";

/** The test provider's current CRL (DER), the address written into every certificate. */
export const GET = apiRoute(async () => {
  const crl = await buildCrl();
  return new Response(crl, {
    headers: {
      "content-type": "application/pkix-crl",
      "content-disposition": 'inline; filename="bronya-test-ca.crl"',
      "cache-control": "no-store",
    },
  });
});
