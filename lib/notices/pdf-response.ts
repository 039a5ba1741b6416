import type { NoticePdfFile } from "./render-notice-batch-pdf";

/** A notice PDF as a download: never cached (it names a person), a Latin file name. */
export function noticePdfResponse(file: NoticePdfFile): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
