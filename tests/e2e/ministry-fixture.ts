// A fixture process for the ministry journeys (not a spec): it opens the database of the
// running e2e server and works through the domain's own code, printing one line of JSON.
// Run under the react-server condition (server-only modules refuse anything else):
//   node --conditions=react-server --import tsx tests/e2e/ministry-fixture.ts enterprise <employees> <out-dir>
//   … ministry-fixture.ts state <edrpou> <rnokpp,rnokpp,…>
// "enterprise" makes a fresh enterprise in Мінекономіки's sector (КВЕД 01.11, section A) with
// no decision, a head who can sign in (РНОКПП + password) and holds a КЕП key file for it, and
// employees who meet every reservation condition — so a journey never depends on demo data
// that another journey may have changed.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { resetEnvCache } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [command, ...args] = process.argv.slice(2);

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  owner: "e2e ministry fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
const { createCtx } = await import("@/lib/context-server");
try {
  if (command === "enterprise") {
    const { createEnterprise, createPerson, createUser } = await import("@/prisma/seed/factories");
    const { issueCertificate } = await import("@/lib/kep/provider/issue-certificate");
    const employees = Number(args[0] ?? 2);
    const outDir = path.resolve(args[1] ?? path.join(root, ".data/e2e/ministry"));
    const head = await createPerson(db, {
      lastName: "Хліборобенко",
      firstName: "Степан",
      patronymic: "Ігорович",
      birthDate: "1972-04-09",
    });
    const enterprise = await createEnterprise(db, {
      name: `Нива-E2E-${Date.now() % 100_000}`,
      kved: "01.11",
      kvedName: "Вирощування зернових культур",
      region: "Вінницька область",
      head: head.rnokpp,
    });
    await db.employment.create({
      data: {
        rnokpp: head.rnokpp,
        edrpou: enterprise.edrpou,
        position: "Директор",
        startDate: new Date("2015-04-01"),
        salary: "60000.00",
        reportedOn: new Date("2026-11-01"),
      },
    });
    const password = "e2e-head-2026";
    await createUser(db, {
      role: "ENTERPRISE_HEAD",
      rnokpp: head.rnokpp,
      fullName: "Хліборобенко Степан Ігорович",
      password,
    });
    const keyPassword = "E2e-Head-Key-1";
    const { p12 } = await issueCertificate(createCtx({ actor: null }), {
      rnokpp: head.rnokpp,
      fullName: "Хліборобенко Степан Ігорович",
      edrpou: enterprise.edrpou,
      organization: enterprise.name,
      title: "Директор",
      password: keyPassword,
    });
    mkdirSync(outDir, { recursive: true });
    const keyFile = path.join(outDir, `head-${enterprise.edrpou}.p12`);
    writeFileSync(keyFile, p12);
    const staff: string[] = [];
    for (let i = 0; i < employees; i++) {
      staff.push(
        (
          await createPerson(db, {
            lastName: `Працівник${i + 1}`,
            email: null,
            employments: [{ edrpou: enterprise.edrpou, position: "Агроном", salary: 40_000 }],
          })
        ).rnokpp,
      );
    }
    console.log(
      JSON.stringify({
        edrpou: enterprise.edrpou,
        name: enterprise.name,
        head: { rnokpp: head.rnokpp, password, keyFile, keyPassword },
        employees: staff,
      }),
    );
  } else if (command === "state" && args[0]) {
    const edrpou = args[0];
    const rnokpps = (args[1] ?? "").split(",").filter(Boolean);
    const [decisions, marks, notices] = await Promise.all([
      db.criticalDecision.findMany({ where: { edrpou }, select: { id: true, number: true, status: true } }),
      db.reservationMark.findMany({ where: { edrpou }, select: { rnokpp: true, status: true } }),
      db.notification.groupBy({
        by: ["recipientRnokpp", "kind"],
        where: { recipientRnokpp: { in: rnokpps } },
        _count: true,
      }),
    ]);
    console.log(
      JSON.stringify({
        decisions,
        marks,
        notices: notices.map((n) => ({ rnokpp: n.recipientRnokpp, kind: n.kind, count: n._count })),
      }),
    );
  } else {
    throw new Error("usage: ministry-fixture.ts enterprise <employees> <out-dir> | state <edrpou> <rnokpp,…>");
  }
} finally {
  await disconnectDb();
  await database.close();
}
