import { importTemplateCsv } from "@/lib/enterprises/import-csv";

// The import template: a header, an example row and the accepted codes. Public: it holds no data.
export function GET() {
  return new Response(importTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="shablon-rishen.csv"',
    },
  });
}
