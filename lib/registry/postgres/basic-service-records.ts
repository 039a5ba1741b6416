import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import type { BasicServiceRecords } from "../basic-service-records";
import { isoDate } from "./map";

/** Basic-service outcomes in the mock's table oberig.basic_service_records. */
export function basicServiceRecordMethods(db: Db | DbTx): BasicServiceRecords {
  return {
    async recordBasicServiceOutcome(tx, outcome) {
      await tx.basicServiceRecord.create({
        data: {
          rnokpp: outcome.rnokpp,
          outcome: outcome.outcome,
          centreName: outcome.centreName,
          specialty: outcome.specialty,
          decidedOn: new Date(`${outcome.on}T00:00:00Z`),
        },
      });
    },

    async findBasicServiceRecords(rnokpp) {
      const rows = await db.basicServiceRecord.findMany({
        where: { rnokpp },
        orderBy: [{ decidedOn: "desc" }, { createdAt: "desc" }],
      });
      return rows.map((row) => ({
        id: row.id,
        rnokpp: row.rnokpp,
        outcome: row.outcome as "ACCEPTED" | "DECLINED",
        centreName: row.centreName,
        specialty: row.specialty,
        on: isoDate(row.decidedOn),
      }));
    },
  };
}
