import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RolePicker } from "@/components/auth/role-picker";
import { PageHeader } from "@/components/ui/page-header";
import { getSession } from "@/lib/auth/session";
import { sameRoleOption } from "@/lib/auth/roles";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { z } from "@/lib/zod";

export const metadata: Metadata = { title: "Оберіть роль" };

const ZRoleQuery = z.object({
  next: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => safeNextPath(value)),
});

export default async function RolePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getSession();
  if (!session) redirect("/login");
  const { next } = ZRoleQuery.parse(await searchParams);
  const active = session.activeRole;
  const activeIndex = active ? session.roles.findIndex((r) => sameRoleOption(r, active)) : -1;

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Оберіть, у якій ролі працювати"
        subtitle={`${session.fullName}: у вас кілька ролей. Змінити роль можна будь-коли в шапці сторінки.`}
      />
      <RolePicker roles={session.roles} activeIndex={activeIndex} next={next ?? null} />
    </div>
  );
}
