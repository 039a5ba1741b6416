import type { CentreHours } from "@/lib/rules/visit-slots";

/** A centre row's hours as the slot rules take them. */
export function centreHours(centre: {
  weekdays: number[];
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacity: number;
}): CentreHours {
  return {
    weekdays: centre.weekdays,
    opensAt: centre.opensAt,
    closesAt: centre.closesAt,
    slotMinutes: centre.slotMinutes,
    capacity: centre.capacity,
  };
}
