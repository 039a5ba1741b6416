"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { markCentreVisitAction } from "@/app/centre/actions";
import { Button } from "@/components/ui/button";
import { VISIT_ATTENDANCE, type VisitAttendance } from "@/lib/centres/schemas";

/** «Прийшов» / «Не прийшов» for one visit; the current mark is pressed, the other corrects it. */
export function MarkVisitButtons({
  visitId,
  fullName,
  attendance,
}: {
  visitId: string;
  fullName: string;
  attendance: VisitAttendance | null;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function mark(value: VisitAttendance) {
    setPending(true);
    setError(null);
    const result = await markCentreVisitAction({ visitId, attendance: value });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Відмітка: ${fullName}`}>
        {(Object.keys(VISIT_ATTENDANCE) as VisitAttendance[]).map((value) => (
          <Button
            key={value}
            size="sm"
            variant={attendance === value ? "primary" : "secondary"}
            aria-pressed={attendance === value}
            aria-label={`${VISIT_ATTENDANCE[value]}: ${fullName}`}
            disabled={pending}
            onClick={() => void mark(value)}
          >
            {VISIT_ATTENDANCE[value]}
          </Button>
        ))}
      </div>
      {error ? (
        <span role="alert" className="text-sm text-chip-fail">
          {error}
        </span>
      ) : null}
    </div>
  );
}
