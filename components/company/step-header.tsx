import { cn } from "@/components/ui/cn";

// «Крок 2 з 4»: where the user is, what came before and what follows, as in Diia.

export function StepHeader({
  steps,
  current,
  title,
  hint,
}: {
  steps: readonly string[];
  current: number;
  title: string;
  hint?: string;
}) {
  return (
    <div className="mb-5">
      <Stepper steps={steps} current={current} />
      <p className="text-sm font-medium text-muted" data-testid="step-counter">
        Крок {current} з {steps.length}
      </p>
      <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
      {hint ? <p className="mt-1 max-w-3xl text-muted">{hint}</p> : null}
    </div>
  );
}

/** The row of steps with the current one marked (also inside the signing dialog, at step 4). */
export function Stepper({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="mb-3 flex flex-wrap gap-x-2 gap-y-1 text-sm" aria-label="Кроки заяви" data-testid="stepper">
      {steps.map((step, index) => {
        const n = index + 1;
        return (
          <li key={step} aria-current={n === current ? "step" : undefined} className="flex items-center gap-2">
            <span
              className={cn(
                "inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold",
                n < current ? "bg-chip-success" : n === current ? "bg-ink text-white" : "bg-white ring-1 ring-line",
              )}
              aria-hidden
            >
              {n < current ? "✓" : n}
            </span>
            <span className={n === current ? "font-semibold" : "text-muted"}>{step}</span>
            {n < steps.length ? (
              <span aria-hidden className="text-muted">
                →
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export const RESERVATION_STEPS = ["Працівники", "Зарплати", "Перевірка", "Підпис"] as const;
export const ANNULMENT_STEPS = ["Працівники", "Підстава", "Перевірка", "Підпис"] as const;
