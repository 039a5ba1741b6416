import "server-only";
import { openText } from "@/lib/http/sealed-text";
import type { TccRegisterFilter } from "@/lib/registry";
import { compactFilter, ZRegisterFilter } from "./schemas";

/** The register's filter from the page's address (the search text sealed as `s`); anything malformed is dropped. */
export function readRegisterQuery(params: Record<string, string | string[] | undefined>): {
  filter: TccRegisterFilter;
  raw: Record<string, string>;
  after: string | null;
} {
  const raw = compactFilter(params);
  const sealed = typeof params.s === "string" ? openText(params.s) : null;
  if (sealed) raw.q = sealed.slice(0, 100);
  const parsed = ZRegisterFilter.safeParse(raw);
  const after = typeof params.after === "string" && /^\d{10}$/.test(params.after) ? params.after : null;
  return { filter: parsed.success ? parsed.data : {}, raw: parsed.success ? raw : {}, after };
}
