import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A table that scrolls sideways on a phone instead of squeezing its columns. `relative` keeps
 * absolutely positioned children (.sr-only headers) inside the scroller: otherwise they escape
 * it and make the whole page scroll sideways.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative -mx-5 overflow-x-auto sm:mx-0" data-scroll-x>
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn("border-b border-line px-3 py-2 text-xs font-medium uppercase tracking-wide text-muted", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-line/70 px-3 py-2.5 align-top", className)} {...props} />;
}
