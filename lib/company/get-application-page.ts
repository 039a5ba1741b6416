import "server-only";
import type { Ctx } from "@/lib/context";
import { getApplication, type ApplicationItemView, type ApplicationView } from "@/lib/reservations";

// The application's page: the lifecycle's view of it, the name of who prepared it, and one page
// of its items (all, reserved, refused) — a 10,000-employee application is read once and shown
// 100 rows at a time.

export const ITEM_FILTERS = ["all", "reserved", "refused"] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];
export const ITEMS_PAGE_SIZE = 100;

export type ApplicationPage = Omit<ApplicationView, "items"> & {
  preparedByName: string | null;
  items: ApplicationItemView[];
  itemTotal: number;
  page: number;
  filter: ItemFilter;
};

export async function getApplicationPage(
  ctx: Ctx<"actor" | "db">,
  input: { applicationId: string; filter?: ItemFilter; page?: number },
): Promise<ApplicationPage> {
  const view = await getApplication(ctx, { applicationId: input.applicationId });
  const preparer =
    view.preparedByRnokpp === view.signer.rnokpp
      ? null
      : await ctx.db.user.findUnique({ where: { rnokpp: view.preparedByRnokpp }, select: { fullName: true } });
  const filter = input.filter ?? "all";
  const matching = view.items.filter((item) =>
    filter === "all"
      ? true
      : filter === "refused"
        ? item.decision === "REFUSED"
        : item.decision === "RESERVED" || item.decision === "ANNULLED",
  );
  const pages = Math.max(1, Math.ceil(matching.length / ITEMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const { items: _all, ...rest } = view;
  return {
    ...rest,
    preparedByName: view.preparedByRnokpp === view.signer.rnokpp ? view.signer.fullName : (preparer?.fullName ?? null),
    items: matching.slice((page - 1) * ITEMS_PAGE_SIZE, page * ITEMS_PAGE_SIZE),
    itemTotal: matching.length,
    page,
    filter,
  };
}
