import { apiRoute } from "@/lib/api/handler";
import { listAuditAnchors } from "@/lib/audit/list-audit-anchors";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * Public: each day's last audit row ({type, day, seq, hash} as RFC 8785 JSON, base64) with the
 * portal seal's detached CAdES signature over it, and the seal's certificate. Whoever keeps an
 * anchor can later prove, with `npm run audit:verify`, that nothing up to it was rewritten.
 */
export const GET = apiRoute(async () => {
  const published = await listAuditAnchors({ db });
  return Response.json(published, { headers: { "cache-control": "public, max-age=300" } });
});
