import { openApiDocument } from "@/lib/api/v1/openapi";

// Flattens a JSON Schema of the OpenAPI document into rows for the docs page's field tables:
// "employees[].rnokpp · рядок · обов'язкове · РНОКПП (10 цифр…)".

export type FieldRow = { name: string; type: string; required: boolean; description: string };
type Schema = { [key: string]: unknown };

function resolve(schema: Schema): Schema {
  if (typeof schema.$ref === "string")
    return resolve(openApiDocument.components.schemas[schema.$ref.split("/").pop()!] as Schema);
  return schema;
}

const TYPE_WORDS: Record<string, string> = {
  string: "рядок",
  number: "число",
  integer: "ціле число",
  boolean: "так/ні",
  array: "масив",
  object: "об'єкт",
  null: "null",
};

function typeOf(schema: Schema): string {
  const s = resolve(schema);
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(typeOf).join(" | ");
  const types = ([] as unknown[]).concat(s.type ?? "object").map((t) => TYPE_WORDS[String(t)] ?? String(t));
  const base = types.join(" | ");
  if (Array.isArray(s.enum)) return `${base}: ${(s.enum as unknown[]).filter((v) => v !== null).join(", ")}`;
  if (typeof s.format === "string") return `${base} (${s.format})`;
  return base;
}

export function schemaFields(schema: Schema, prefix = "", depth = 0): FieldRow[] {
  const s = resolve(schema);
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([key, raw]) => {
    const inner = resolve(raw);
    const name = `${prefix}${key}`;
    const description = String(raw.description ?? inner.description ?? "");
    const row: FieldRow = { name, type: typeOf(raw), required: required.has(key), description };
    if (depth >= 3) return [row];
    if (inner.type === "object" && inner.properties) return [row, ...schemaFields(inner, `${name}.`, depth + 1)];
    const items = inner.items ? resolve(inner.items as Schema) : null;
    if (items?.properties) return [row, ...schemaFields(items, `${name}[].`, depth + 1)];
    return [row];
  });
}
