// A fixture process for the ТЦК's notice journey (not a spec): it opens the database of the
// running e2e server and writes registry people through the seed's factories, printing one line
// of JSON. Run under the react-server condition (server-only modules refuse anything else):
//   node --conditions=react-server --import tsx tests/e2e/tck-fixture.ts filter
// It puts into the demo officer's ТЦК a family of people sharing a surname no one else has:
// three men of mobilisation age with nothing protecting them, one with an active reservation,
// one with a deferment, and a 20-year-old whom the age filter (25–59) leaves out. The first of
// the three can sign in to /me with a password. The journey's filter is «this surname, 25–59».
import { randomInt } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { resetEnvCache } from "@/lib/env";
import type { RegistrationOverrides } from "@/prisma/seed/factories";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [command] = process.argv.slice(2);
if (command !== "filter") throw new Error("usage: tck-fixture.ts filter");

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  owner: "e2e tck fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
try {
  const { createEnterprise, createPerson, createReservationMark, createUser } = await import("@/prisma/seed/factories");
  const { DEMO_TCC } = await import("@/prisma/seed/demo-users");
  const { kyivDate } = await import("@/lib/format");
  const { addDays } = await import("@/lib/rules");

  const today = kyivDate(new Date());
  const letters = "абвгдежзиклмнопрстуфхцчшщюя";
  const tail = Array.from({ length: 6 }, () => letters[randomInt(letters.length)]).join("");
  const lastName = `Повістенко-${tail.charAt(0).toUpperCase()}${tail.slice(1)}`;
  const patronymic = "Петрович";
  const person = async (firstName: string, birthDate: string, military: RegistrationOverrides = {}) => {
    const { rnokpp } = await createPerson(db, {
      lastName,
      firstName,
      patronymic,
      birthDate,
      military: { tcc: DEMO_TCC, ...military },
    });
    return { rnokpp, fullName: `${lastName} ${firstName} ${patronymic}` };
  };

  const eligible = [
    await person("Андрій", "1986-04-12"),
    await person("Богдан", "1990-09-03"),
    await person("Віктор", "1979-01-27"),
  ];
  const defermentUntil = addDays(today, 200);
  const deferred = {
    ...(await person("Дмитро", "1992-06-15", { deferment: "навчання у закладі освіти", defermentUntil })),
    ground: "навчання у закладі освіти",
    until: defermentUntil,
  };
  const enterprise = await createEnterprise(db, { name: `Наскрізне ${tail}` });
  const reservedPerson = await person("Григорій", "1984-11-30");
  const reservedUntil = addDays(today, 300);
  await createReservationMark(db, {
    rnokpp: reservedPerson.rnokpp,
    edrpou: enterprise.edrpou,
    fromDate: addDays(today, -30),
    untilDate: reservedUntil,
  });
  const reserved = { ...reservedPerson, edrpou: enterprise.edrpou, until: reservedUntil };
  const young = await person("Євген", addDays(today, -20 * 366));

  const password = "e2e-tck-2026";
  const citizen = eligible[0]!;
  await createUser(db, {
    role: "CONSCRIPT",
    rnokpp: citizen.rnokpp,
    fullName: citizen.fullName,
    password,
    email: null,
  });

  console.log(
    JSON.stringify({ lastName, eligible, reserved, deferred, young, citizen: { ...citizen, password }, tcc: DEMO_TCC }),
  );
} finally {
  await disconnectDb();
  await database.close();
}
