"use client";

import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CABINET_PATH, type RoleOption } from "@/lib/auth/roles";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export function RolePicker({
  roles,
  activeIndex,
  next,
}: {
  roles: RoleOption[];
  activeIndex: number;
  next: string | null;
}) {
  const { update } = useSession();
  const router = useRouter();
  const [pending, setPending] = useState<number | null>(null);

  async function choose(index: number) {
    setPending(index);
    const session = await update({ activeRole: index });
    const role = session?.activeRole?.role ?? roles[index]!.role;
    const safeNext = safeNextPath(next);
    const target = safeNext && safeNext.startsWith(CABINET_PATH[role]) ? safeNext : CABINET_PATH[role];
    router.push(target);
    router.refresh();
  }

  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {roles.map((option, index) => (
        <li key={`${option.role}-${option.edrpou ?? option.authorityId ?? option.unitId ?? ""}`}>
          <button
            type="button"
            onClick={() => choose(index)}
            disabled={pending !== null}
            className="card w-full text-left ring-ink transition hover:ring-2 disabled:opacity-60"
            aria-current={index === activeIndex ? "true" : undefined}
          >
            <span className="block text-lg font-semibold">{option.label}</span>
            <span className="mt-1 block text-sm text-muted">
              {pending === index
                ? "Відкриваємо кабінет…"
                : index === activeIndex
                  ? "Поточна роль"
                  : "Перейти до кабінету →"}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
