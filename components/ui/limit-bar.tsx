/** The reservation limit as a bar: reserved, still available, and the military-liable base. */
export function LimitBar({
  reserved,
  limit,
  base,
  pending = 0,
}: {
  reserved: number;
  limit: number;
  base?: number;
  pending?: number;
}) {
  const scale = Math.max(limit, reserved + pending, 1);
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100)}%`;
  const available = Math.max(0, limit - reserved - pending);
  const over = reserved + pending > limit;
  return (
    <div>
      <div
        className="flex h-4 overflow-hidden rounded-full bg-canvas"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={reserved + pending}
        aria-label={`Використано ${reserved + pending} з ${limit} місць ліміту`}
      >
        <div className={over ? "bg-chip-fail" : "bg-ink"} style={{ width: pct(reserved) }} />
        {pending > 0 ? <div className="bg-chip-pending" style={{ width: pct(pending) }} /> : null}
      </div>
      <dl className="tabular mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1">
          <dt className="text-muted">Заброньовано:</dt>
          <dd className="font-medium">{reserved.toLocaleString("uk-UA")}</dd>
        </div>
        {pending > 0 ? (
          <div className="flex gap-1">
            <dt className="text-muted">У цій заяві:</dt>
            <dd className="font-medium">{pending.toLocaleString("uk-UA")}</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt className="text-muted">Ліміт:</dt>
          <dd className="font-medium">{limit.toLocaleString("uk-UA")}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted">Вільно:</dt>
          <dd className="font-medium">{available.toLocaleString("uk-UA")}</dd>
        </div>
        {base !== undefined ? (
          <div className="flex gap-1">
            <dt className="text-muted">Військовозобов&apos;язаних:</dt>
            <dd className="font-medium">{base.toLocaleString("uk-UA")}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
