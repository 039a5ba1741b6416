import { apiRoute } from "@/lib/api/handler";
import { readDemoKeyFile } from "@/lib/auth/kep-login/demo-key-manifest";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// GET /api/demo-keys/<id> → a demo user's КЕП key file (.p12), in demo mode only; 404 otherwise.
// The password is on the login page beside the link: both are public by design, like the demo
// logins, and useless outside this portal's test provider.

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ key: string }>(async (_request, { params }) => {
  const { key } = await params;
  const config = env();
  const file = config.DEMO_MODE ? await readDemoKeyFile(config.DATA_DIR, key) : null;
  if (!file) throw AppError.notFound("Демо-ключ");
  return new Response(Uint8Array.from(file.bytes), {
    headers: {
      "content-type": "application/x-pkcs12",
      "content-disposition": `attachment; filename="bronya-demo-${file.entry.id}.p12"`,
      "content-length": String(file.bytes.length),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
