import { apiRoute } from "@/lib/api/handler";
import { readDemoKeyFile } from "@/lib/auth/kep-login/demo-key-manifest";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// GET /api/demo-keys/<id> → a demo user's КЕП key file (.p12 or a DSTU Key-6 .dat), and
// GET /api/demo-keys/<id>?part=certificate → its certificate (.cer), in demo mode only; 404 otherwise.
// The password is on the login page beside the link: both are public by design, like the demo
// logins, and useless outside this portal's test provider.

export const dynamic = "force-dynamic";

const CONTENT_TYPES = {
  p12: "application/x-pkcs12",
  dat: "application/octet-stream",
  jks: "application/octet-stream",
  cer: "application/pkix-cert",
} as const;

export const GET = apiRoute<{ key: string }>(async (request, { params }) => {
  const { key } = await params;
  const part = new URL(request.url).searchParams.get("part") === "certificate" ? "certificate" : "key";
  const config = env();
  const file = config.DEMO_MODE ? await readDemoKeyFile(config.DATA_DIR, key, part) : null;
  if (!file) throw AppError.notFound("Демо-ключ");
  const name = part === "key" ? file.entry.file : file.entry.certificate;
  const extension = name.slice(name.lastIndexOf(".") + 1) as keyof typeof CONTENT_TYPES;
  return new Response(Uint8Array.from(file.bytes), {
    headers: {
      "content-type": CONTENT_TYPES[extension],
      "content-disposition": `attachment; filename="bronya-demo-${name}"`,
      "content-length": String(file.bytes.length),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
