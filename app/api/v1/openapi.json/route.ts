import { openApiDocument } from "@/lib/api/v1/openapi";

/** The HR API's OpenAPI 3.1 document (public, like the docs page). */
export function GET() {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
