// A fixture process for the conscript journeys: it opens the database of the running e2e server
// (the launcher's embedded cluster, or DATABASE_URL) and works through the domain's own code.
// Run under the react-server condition (server-only modules refuse anything else):
//   node --conditions=react-server --import tsx tests/e2e/support/conscript-fixture.ts create
//   … conscript-fixture.ts annul <РНОКПП>
// It prints one line of JSON. Spec files call it through runConscriptFixture (conscript-fixture-client.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { resetEnvCache } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const [command, argument] = process.argv.slice(2);

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  owner: "e2e conscript fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
const { DEMO_EDRPOU, demoUser } = await import("@/prisma/seed/demo-users");
try {
  if (command === "create") {
    // A conscript of the big demo enterprise, reserved there through Дія (a registry mark), with a
    // password: a person of their own, so annulling their reservation disturbs no other journey.
    const { createPerson, createReservationMark, createUser } = await import("@/prisma/seed/factories");
    const { kyivDate } = await import("@/lib/format");
    const { addDays } = await import("@/lib/rules");
    const today = kyivDate(new Date());
    const password = "e2e-conscript-2026";
    const { rnokpp } = await createPerson(db, {
      lastName: "Петренко",
      firstName: "Олег",
      patronymic: "Васильович",
      birthDate: "1989-07-21",
      email: null,
      military: { rank: "солдат", specialty: "100 — стрілець", vlkDate: "2025-05-05", vlkResult: "придатний" },
      employments: [{ edrpou: DEMO_EDRPOU.big, position: "Токар", startDate: "2018-03-01", salary: 36_000 }],
    });
    const mark = await createReservationMark(db, {
      rnokpp,
      edrpou: DEMO_EDRPOU.big,
      fromDate: addDays(today, -10),
      untilDate: addDays(today, 200),
      source: "diia",
    });
    await createUser(db, { role: "CONSCRIPT", rnokpp, fullName: "Петренко Олег Васильович", password });
    console.log(JSON.stringify({ rnokpp, password, markId: mark.id, untilDate: addDays(today, 200) }));
  } else if (command === "annul" && argument) {
    const { annulReservations } = await import("@/lib/reservations/annul-reservations");
    const { kyivDate } = await import("@/lib/format");
    const head = demoUser("head-big");
    const annulled = await db.$transaction(async (tx) => {
      const mark = await tx.reservationMark.findFirstOrThrow({
        where: { activeRnokpp: argument },
        select: { id: true, edrpou: true },
      });
      return annulReservations(tx, {
        edrpou: mark.edrpou,
        markIds: [mark.id],
        ground: "HEAD_REQUEST",
        on: kyivDate(new Date()),
        actor: { rnokpp: head.rnokpp, role: "ENTERPRISE_HEAD" },
      });
    });
    console.log(JSON.stringify({ annulled: annulled.length }));
  } else {
    throw new Error(`usage: conscript-fixture.ts create | annul <РНОКПП>`);
  }
} finally {
  await disconnectDb();
  await database.close();
}
