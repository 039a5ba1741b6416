import { cn } from "@/components/ui/cn";

/** A limit's use as a small bar with "3 з 5": red when over the limit, amber from 80 %. */
export function UsageMeter({ reserved, limit }: { reserved: number; limit: number }) {
  const share = limit > 0 ? reserved / limit : reserved > 0 ? 2 : 0;
  const width = `${Math.min(100, Math.round(share * 100))}%`;
  return (
    <div className="min-w-28">
      <div
        className="h-2 overflow-hidden rounded-full bg-canvas"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={reserved}
        aria-label={`Використано ${reserved} з ${limit} місць ліміту`}
      >
        <div
          className={cn("h-full", share > 1 ? "bg-chip-fail" : share >= 0.8 ? "bg-chip-pending" : "bg-ink")}
          style={{ width }}
        />
      </div>
      <p className="tabular mt-1 text-xs text-muted">
        {reserved.toLocaleString("uk-UA")} з {limit.toLocaleString("uk-UA")}
      </p>
    </div>
  );
}
