import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import type { ServiceRecords } from "../service-records";
import { fullNameOf, isoDate } from "./map";

const PERIOD_SELECT = {
  id: true,
  rnokpp: true,
  unitCode: true,
  unitName: true,
  position: true,
  fromDate: true,
  untilDate: true,
  defenceConfirmedOn: true,
} as const;

type PeriodRow = {
  id: string;
  rnokpp: string;
  unitCode: string;
  unitName: string;
  position: string;
  fromDate: Date;
  untilDate: Date | null;
  defenceConfirmedOn: Date | null;
};

const toRecord = (row: PeriodRow) => ({
  ...row,
  fromDate: isoDate(row.fromDate),
  untilDate: isoDate(row.untilDate),
  defenceConfirmedOn: isoDate(row.defenceConfirmedOn),
});

const utcDate = (value: string) => new Date(`${value}T00:00:00Z`);

/** Service periods in the mock's table oberig.service_periods. */
export function servicePeriodMethods(db: Db | DbTx): ServiceRecords {
  return {
    async findServicePeriods(rnokpp) {
      const rows = await db.servicePeriod.findMany({
        where: { rnokpp },
        orderBy: [{ fromDate: "asc" }, { id: "asc" }],
        select: PERIOD_SELECT,
      });
      return rows.map(toRecord);
    },

    async findServicePeriod(id) {
      const row = await db.servicePeriod.findUnique({ where: { id }, select: PERIOD_SELECT });
      return row ? toRecord(row) : null;
    },

    async listUnitServicePeriods(input) {
      const rows = await db.servicePeriod.findMany({
        where: {
          unitCode: input.unitCode,
          ...(input.surname ? { person: { lastName: { startsWith: input.surname, mode: "insensitive" } } } : {}),
        },
        orderBy: [
          { person: { lastName: "asc" } },
          { person: { firstName: "asc" } },
          { fromDate: "asc" },
          { id: "asc" },
        ],
        take: input.take,
        select: { ...PERIOD_SELECT, person: { select: { lastName: true, firstName: true, patronymic: true } } },
      });
      return rows.map(({ person, ...row }) => ({
        ...toRecord(row),
        fullName: fullNameOf(person),
      }));
    },

    async confirmServicePeriods(tx, input) {
      const result = await tx.servicePeriod.updateMany({
        where: { rnokpp: input.rnokpp, unitCode: input.unitCode, defenceConfirmedOn: null },
        data: { defenceConfirmedOn: utcDate(input.on) },
      });
      return result.count;
    },

    async correctServicePeriod(tx, id, correction) {
      const row = await tx.servicePeriod.update({
        where: { id },
        data: {
          fromDate: utcDate(correction.fromDate),
          untilDate: correction.untilDate ? utcDate(correction.untilDate) : null,
          position: correction.position,
        },
        select: PERIOD_SELECT,
      });
      return toRecord(row);
    },
  };
}
