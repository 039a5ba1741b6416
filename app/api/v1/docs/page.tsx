import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { DEMO_EXAMPLE, ERROR_CODES } from "@/lib/api/v1/openapi-errors";
import { ANNULMENT_REFUSAL_LABELS, HEAD_ANNULMENT_GROUNDS, REASON_CODES, REASON_LABELS } from "@/lib/rules";
import { OperationSection } from "./operation-section";

// The HR API's documentation, rendered on the server from the same OpenAPI document that
// /api/v1/openapi.json serves — no Swagger UI, no CDN, readable on a phone.

export const metadata: Metadata = { title: "HR API v1" };

const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
  (Object.entries(item) as Array<["get" | "post", NonNullable<(typeof item)["get"]>]>).map(([method, operation]) => ({
    path,
    method,
    operation,
  })),
);

export default function ApiDocsPage() {
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Для кадрових систем підприємств"
        title="HR API v1"
        subtitle="Перелік працівників із придатністю до бронювання, заява з підписом керівника, рішення за секунди, анулювання."
      />

      <Card className="space-y-3">
        <CardTitle>Як почати</CardTitle>
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            Керівник підприємства випускає токен у кабінеті підприємства. Кожен запит передає його в заголовку{" "}
            <code className="font-mono text-sm">Authorization: Bearer brn_…</code>. Токен діє від імені керівника;
            відкликаний токен отримує відповідь 401. З браузера, увійшовши до кабінету, API можна викликати й без
            токена.
          </li>
          <li>
            <strong>Чернетка.</strong> Передайте ЄДРПОУ і працівників у потрібному порядку. Портал перевіряє кожного за
            правилами і повертає <code className="font-mono text-sm">document</code> — base64 точних байтів заяви
            (канонічний JSON, RFC 8785) з одноразовим кодом. Чернетка чинна 24 години; в одній заяві — до 10 000
            працівників.
          </li>
          <li>
            <strong>Підпис.</strong> Керівник підписує ці байти своїм КЕП: відокремлений підпис CAdES-BES (.p7s, DER).
            Підготувати чернетку може довірена особа, подати — лише керівник.
          </li>
          <li>
            <strong>Подання.</strong> Передайте <code className="font-mono text-sm">draftId</code> і підпис у base64.
            Відповідь 202 містить <code className="font-mono text-sm">applicationId</code>; рішення щодо кожного
            працівника — за 1–2 секунди в <code className="font-mono text-sm">GET /api/v1/applications/{"{id}"}</code>.
            Повторне подання того самого підпису не створює нової заяви.
          </li>
        </ol>
        <p className="text-sm text-muted">
          Демонстраційний токен підприємства з 10 000 працівників (ЄДРПОУ {DEMO_EXAMPLE.edrpou}):{" "}
          <code className="font-mono text-xs break-all">{DEMO_EXAMPLE.token}</code>. Токен демо-підприємства дорівнює
          «brn_» і base64url(SHA-256(«bronya-demo-api-token:» + ЄДРПОУ)). Машиночитний опис:{" "}
          <a className="link" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
        <nav aria-label="Кінцеві точки API">
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {operations.map(({ path, method, operation }) => (
              <li key={operation.operationId}>
                <a className="link" href={`#${operation.operationId}`}>
                  {method.toUpperCase()} {path}
                </a>{" "}
                — {operation.summary}
              </li>
            ))}
          </ul>
        </nav>
      </Card>

      {operations.map(({ path, method, operation }) => (
        <OperationSection key={operation.operationId} path={path} method={method} operation={operation} />
      ))}

      <Card id="errors">
        <CardTitle>Коди помилок</CardTitle>
        <p className="mb-3 text-sm">
          Кожна помилка має вигляд{" "}
          <code className="font-mono text-xs">{'{ "error": { "code": "…", "message": "…" } }'}</code>, часто з{" "}
          <code className="font-mono text-xs">fields</code> (поле → пояснення) або{" "}
          <code className="font-mono text-xs">details</code>.
        </p>
        <Table>
          <thead>
            <tr>
              <Th>Код</Th>
              <Th>HTTP</Th>
              <Th>Що означає</Th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(ERROR_CODES).map(([code, doc]) => (
              <tr key={code}>
                <Td className="font-mono text-xs">{code}</Td>
                <Td className="tabular">{doc.status}</Td>
                <Td>{doc.meaning}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      <Card id="reasons">
        <CardTitle>Причини відмови (reasons)</CardTitle>
        <Table>
          <thead>
            <tr>
              <Th>Код</Th>
              <Th>Що бачить керівник</Th>
            </tr>
          </thead>
          <tbody>
            {REASON_CODES.map((code) => (
              <tr key={code}>
                <Td className="font-mono text-xs">{code}</Td>
                <Td>{REASON_LABELS[code]}</Td>
              </tr>
            ))}
            <tr>
              <Td className="font-mono text-xs">NOT_RESERVED_HERE</Td>
              <Td>{ANNULMENT_REFUSAL_LABELS.NOT_RESERVED_HERE} (лише в анулюванні)</Td>
            </tr>
          </tbody>
        </Table>
      </Card>

      <Card id="grounds">
        <CardTitle>Підстави анулювання для керівника (ground)</CardTitle>
        <ul className="space-y-1">
          {HEAD_ANNULMENT_GROUNDS.map((ground) => (
            <li key={ground.code}>
              <code className="font-mono text-xs">{ground.code}</code> — {ground.label}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
