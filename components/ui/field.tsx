import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const CONTROL =
  "block w-full rounded-xl border border-line bg-white px-4 py-2.5 text-[15px] text-ink placeholder:text-neutral-400 aria-[invalid=true]:border-chip-fail aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-chip-fail disabled:bg-neutral-100";

export function Field({
  label,
  htmlFor,
  hint,
  error,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-muted">{hint}</p> : null}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-sm text-chip-fail" data-field-error={htmlFor}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, invalid, id, ...props }: ComponentProps<"input"> & { invalid?: boolean }) {
  return (
    <input
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && id ? `${id}-error` : undefined}
      className={cn(CONTROL, className)}
      {...props}
    />
  );
}

export function Select({ className, invalid, id, ...props }: ComponentProps<"select"> & { invalid?: boolean }) {
  return (
    <select
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && id ? `${id}-error` : undefined}
      className={cn(CONTROL, "pr-8", className)}
      {...props}
    />
  );
}

export function Textarea({ className, invalid, id, ...props }: ComponentProps<"textarea"> & { invalid?: boolean }) {
  return (
    <textarea
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && id ? `${id}-error` : undefined}
      className={cn(CONTROL, "min-h-24", className)}
      {...props}
    />
  );
}

export function Checkbox({ label, className, ...props }: ComponentProps<"input"> & { label: ReactNode }) {
  return (
    <label className={cn("flex cursor-pointer items-start gap-3 text-[15px]", className)}>
      <input type="checkbox" className="mt-0.5 size-5 shrink-0 accent-black" {...props} />
      <span>{label}</span>
    </label>
  );
}
