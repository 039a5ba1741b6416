import { apiRoute } from "@/lib/api/handler";
import { MAX_OCSP_REQUEST_BYTES, answerOcspRequest } from "@/lib/kep/provider/answer-ocsp";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

const OCSP_RESPONSE_HEADERS = { "content-type": "application/ocsp-response", "cache-control": "no-store" };

/** OCSP over HTTP POST (RFC 6960 A.1): a DER OCSPRequest in, a DER OCSPResponse out. */
export const POST = apiRoute(async (request) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  // An oversized body is answered as malformed without being read.
  const body = declared > MAX_OCSP_REQUEST_BYTES ? new Uint8Array() : new Uint8Array(await request.arrayBuffer());
  return new Response(await answerOcspRequest(createCtx({ actor: null }), body), { headers: OCSP_RESPONSE_HEADERS });
});
