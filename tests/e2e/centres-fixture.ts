// A fixture process for the centre's marking journey (not a spec): it opens the database of the
// running e2e server and prints one line of JSON. Run under the react-server condition:
//   node --conditions=react-server --import tsx tests/e2e/centres-fixture.ts visit-today
// It makes a citizen with a password and a visit booked for today (the Kyiv date) at the demo
// centre. The row is written directly: booking refuses a slot that has begun, and the journey
// may run at any hour, also on a day the centre is closed; marking needs a visit of today.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { resetEnvCache } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [command] = process.argv.slice(2);
if (command !== "visit-today") throw new Error("usage: centres-fixture.ts visit-today");

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  owner: "e2e centres fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
try {
  const { createPerson, createUser } = await import("@/prisma/seed/factories");
  const { kyivDate } = await import("@/lib/format");
  const { isoDateToUtc } = await import("@/lib/rules");
  const centre = await db.recruitmentCentre.findFirstOrThrow({
    where: { name: "Київський рекрутинговий центр ЗСУ" },
    select: { id: true },
  });
  const names = { lastName: "Гордієнко", firstName: "Максим", patronymic: "Ігорович" };
  const { rnokpp } = await createPerson(db, { ...names, birthDate: "1996-02-14", email: null });
  const fullName = `${names.lastName} ${names.firstName} ${names.patronymic}`;
  const password = "e2e-centres-2026";
  await createUser(db, { role: "CONSCRIPT", rnokpp, fullName, password, email: null });
  const day = kyivDate(new Date());
  const visit = await db.centreVisit.create({
    data: {
      centreId: centre.id,
      rnokpp,
      fullName,
      day: isoDateToUtc(day),
      time: "09:00",
      purpose: "CONTRACT",
      openKey: `${rnokpp}:${day}`,
    },
    select: { id: true },
  });
  console.log(JSON.stringify({ rnokpp, fullName, password, day, visitId: visit.id }));
} finally {
  await disconnectDb();
  await database.close();
}
