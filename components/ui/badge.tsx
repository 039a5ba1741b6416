import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "success" | "pending" | "fail" | "neutral" | "info" | "warning";

// Diia's status chips: white text only on the red one.
const TONES: Record<Tone, string> = {
  success: "bg-chip-success text-ink",
  pending: "bg-chip-pending text-ink",
  fail: "bg-chip-fail text-white",
  neutral: "bg-chip-neutral text-ink",
  info: "bg-chip-info text-ink",
  warning: "bg-ticker text-ink",
};

export function Badge({
  tone = "neutral",
  children,
  className,
  title,
  testId,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
  title?: string;
  testId?: string;
}) {
  return (
    <span
      title={title}
      data-testid={testId}
      className={cn(
        "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
