import Link from "next/link";
import { cn } from "./cn";

/** Server-side pagination as plain links, so it works without JavaScript and keeps filters. */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    search.set("page", String(p));
    return `${basePath}?${search.toString()}`;
  };
  const window = [...new Set([1, page - 1, page, page + 1, pages].filter((p) => p >= 1 && p <= pages))].sort(
    (a, b) => a - b,
  );
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);

  return (
    <nav aria-label="Сторінки" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="tabular text-muted">
        {first.toLocaleString("uk-UA")}–{last.toLocaleString("uk-UA")} з {total.toLocaleString("uk-UA")}
      </p>
      <ul className="flex items-center gap-1">
        {page > 1 ? (
          <li>
            <Link className="rounded-full px-3 py-1.5 hover:bg-black/5" href={href(page - 1)} rel="prev">
              ← Попередня
            </Link>
          </li>
        ) : null}
        {window.map((p, i) => (
          <li key={p} className="flex items-center">
            {i > 0 && p - window[i - 1]! > 1 ? <span className="px-1 text-muted">…</span> : null}
            <Link
              href={href(p)}
              aria-current={p === page ? "page" : undefined}
              className={cn("tabular rounded-full px-3 py-1.5", p === page ? "bg-ink text-white" : "hover:bg-black/5")}
            >
              {p}
            </Link>
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link className="rounded-full px-3 py-1.5 hover:bg-black/5" href={href(page + 1)} rel="next">
              Наступна →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
