import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { OperationDoc } from "@/lib/api/v1/openapi";
import { ERROR_CODES } from "@/lib/api/v1/openapi-errors";
import { schemaFields, type FieldRow } from "./schema-fields";

// One endpoint of the HR API on the docs page: what it does, its parameters and fields, an
// example, a curl line, and the error codes it may answer with.

function FieldTable({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <Table>
      <caption className="mb-2 text-left text-sm font-semibold">{caption}</caption>
      <thead>
        <tr>
          <Th>Поле</Th>
          <Th>Тип</Th>
          <Th>Опис</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <Td className="font-mono text-xs whitespace-nowrap">
              {row.name}
              {row.required ? <span title="обов'язкове"> *</span> : null}
            </Td>
            <Td className="text-xs">{row.type}</Td>
            <Td>{row.description}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-xl bg-ink/90 p-4 text-xs leading-relaxed text-white"
    >
      <code>{children}</code>
    </pre>
  );
}

export function OperationSection({
  method,
  path,
  operation,
}: {
  method: "get" | "post";
  path: string;
  operation: OperationDoc;
}) {
  const parameters = (operation.parameters ?? []) as Array<{
    name: string;
    in: string;
    required: boolean;
    description: string;
  }>;
  const body = operation.requestBody?.content["application/json"];
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"));
  const successSchema = success?.[1].content?.["application/json"].schema;
  return (
    <Card id={operation.operationId} className="scroll-mt-24 space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={method === "get" ? "info" : "success"}>{method.toUpperCase()}</Badge>
        <code className="font-mono text-sm break-all">{path}</code>
      </div>
      <h2 className="text-lg font-semibold">{operation.summary}</h2>
      <p>{operation.description}</p>
      {parameters.length > 0 ? (
        <Table>
          <caption className="mb-2 text-left text-sm font-semibold">Параметри</caption>
          <thead>
            <tr>
              <Th>Назва</Th>
              <Th>Де</Th>
              <Th>Опис</Th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={p.name}>
                <Td className="font-mono text-xs">
                  {p.name}
                  {p.required ? " *" : ""}
                </Td>
                <Td className="text-xs">{p.in === "path" ? "у шляху" : "у запиті (?…)"}</Td>
                <Td>{p.description}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {body ? (
        <FieldTable caption="Тіло запиту (JSON)" rows={schemaFields(body.schema as Record<string, unknown>)} />
      ) : null}
      {body ? <Code label="Приклад тіла запиту">{JSON.stringify(body.example, null, 2)}</Code> : null}
      {success && successSchema ? (
        <FieldTable
          caption={`Відповідь ${success[0]}: ${success[1].description}`}
          rows={schemaFields(successSchema as Record<string, unknown>)}
        />
      ) : null}
      <div>
        <p className="mb-2 text-sm font-semibold">Приклад з curl</p>
        <Code label="Приклад з curl">{operation["x-curl"]}</Code>
      </div>
      {operation["x-error-codes"].length > 0 ? (
        <div>
          <p className="mb-2 text-sm font-semibold">Можливі помилки</p>
          <ul className="space-y-1 text-sm">
            {operation["x-error-codes"].map((code) => (
              <li key={code}>
                <code className="font-mono text-xs">{code}</code>{" "}
                <span className="text-muted">({ERROR_CODES[code]?.status})</span> — {ERROR_CODES[code]?.meaning}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
