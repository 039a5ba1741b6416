// A fixture process for the company cabinet's journeys (not a spec): it opens the database of
// the running e2e server and works through the domain's own code, printing one line of JSON.
// Run under the react-server condition (server-only modules refuse anything else):
//   node --conditions=react-server --import tsx tests/e2e/company-fixture.ts enterprise <out-dir>
//   … company-fixture.ts document <applicationId>
// It makes a fresh critical enterprise whose limit (2) is smaller than its reservable staff, so
// a journey can submit a mixed list — three who meet every condition (the third beyond the
// limit), one paid below the threshold, one призовник — with a head who signs in with a password
// and holds a КЕП key file, and an authorized person (password, and a key of their own that the
// server must refuse as a signer). Every journey takes its own enterprise: none depends on what
// another journey, or another spec, did to the demo data.
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
  owner: "e2e company fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
const { createCtx } = await import("@/lib/context-server");
try {
  if (command === "document" && args[0]) {
    // The signed document behind an application (the HR API does not name it).
    const application = await db.application.findUniqueOrThrow({
      where: { id: args[0] },
      select: { signedDocumentId: true, signedDocument: { select: { certificateSerial: true } } },
    });
    console.log(JSON.stringify(application));
    process.exitCode = 0;
  } else {
    await enterpriseCommand();
  }
} finally {
  await disconnectDb();
  await database.close();
}

async function enterpriseCommand() {
  if (command !== "enterprise")
    throw new Error("usage: company-fixture.ts enterprise <out-dir> | document <applicationId>");
  const { createCriticalDecision, createEnterprise, createPerson, createUser } =
    await import("@/prisma/seed/factories");
  const { issueCertificate } = await import("@/lib/kep/provider/issue-certificate");
  const { issueFamilyCertificate } = await import("@/lib/kep/provider/issue-family-certificate");
  const withFamilies = args.includes("families");
  const { kyivDate } = await import("@/lib/format");
  const { addDays } = await import("@/lib/rules");
  const today = kyivDate(new Date());
  const outDir = path.resolve(args[0] ?? path.join(root, ".data/e2e/company"));
  const stamp = String(Date.now() % 1_000_000);

  const headName = { lastName: "Зерненко", firstName: "Ганна", patronymic: "Петрівна" };
  const head = await createPerson(db, { ...headName, sex: "FEMALE", birthDate: "1976-05-14" });
  const headFullName = `${headName.lastName} ${headName.firstName} ${headName.patronymic}`;
  const enterprise = await createEnterprise(db, {
    name: `Колос-${stamp}`,
    kved: "01.11",
    kvedName: "Вирощування зернових культур",
    region: "Полтавська область",
    head: head.rnokpp,
  });
  await createCriticalDecision(db, {
    edrpou: enterprise.edrpou,
    decidedOn: addDays(today, -10),
    militaryLiableCount: 4,
    limitCount: 2,
    criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "SECTORAL_OR_REGIONAL"],
  });

  const job = (salary: number) => [
    { edrpou: enterprise.edrpou, position: "Механізатор", salary, startDate: "2021-02-01", reportedOn: today },
  ];
  const eligible = [];
  for (const lastName of ["Авраменко", "Бойко", "Василенко"]) {
    eligible.push({
      rnokpp: (
        await createPerson(db, { lastName, firstName: "Олексій", patronymic: "Петрович", employments: job(40_000) })
      ).rnokpp,
      fullName: `${lastName} Олексій Петрович`,
    });
  }
  const lowSalary = {
    rnokpp: (
      await createPerson(db, {
        lastName: "Гончаренко",
        firstName: "Іван",
        patronymic: "Ілліч",
        employments: job(20_000),
      })
    ).rnokpp,
    fullName: "Гончаренко Іван Ілліч",
  };
  const conscript = {
    rnokpp: (
      await createPerson(db, {
        lastName: "Дорошенко",
        firstName: "Максим",
        patronymic: "Олегович",
        birthDate: "2005-03-03",
        military: { liability: "CONSCRIPT" },
        employments: job(35_000),
      })
    ).rnokpp,
    fullName: "Дорошенко Максим Олегович",
  };

  const password = "e2e-company-2026";
  await createUser(db, { role: "ENTERPRISE_HEAD", rnokpp: head.rnokpp, fullName: headFullName, password });
  const authorizedPerson = await createPerson(db, {
    lastName: "Кадрова",
    firstName: "Олена",
    patronymic: "Іванівна",
    sex: "FEMALE",
    birthDate: "1990-08-08",
  });
  const authorizedFullName = "Кадрова Олена Іванівна";
  await createUser(db, {
    role: "AUTHORIZED_PERSON",
    rnokpp: authorizedPerson.rnokpp,
    fullName: authorizedFullName,
    password,
    edrpou: enterprise.edrpou,
    grantedByRnokpp: head.rnokpp,
  });

  const keyPassword = "E2e-Company-Key1";
  mkdirSync(outDir, { recursive: true });
  const keyFile = async (rnokpp: string, fullName: string, title: string, name: string) => {
    const { p12 } = await issueCertificate(createCtx({ actor: null }), {
      rnokpp,
      fullName,
      edrpou: enterprise.edrpou,
      organization: enterprise.name,
      title,
      password: keyPassword,
    });
    const file = path.join(outDir, `${name}-${enterprise.edrpou}.p12`);
    writeFileSync(file, p12);
    return file;
  };

  // On request ("families"): the head's DSTU 4145 Key-6.dat with its certificate, an ECDSA .p12,
  // and a PrivatBank-style .jks with two DSTU signing keys (the first also carrying a
  // key-agreement key in its attributes, as real containers do), each with its certificate.
  const familyKeys = async (rnokpp: string, fullName: string) => {
    const subject = {
      rnokpp,
      fullName,
      edrpou: enterprise.edrpou,
      organization: enterprise.name,
      title: "Директорка",
      password: keyPassword,
    };
    const dstu = await issueFamilyCertificate(createCtx({ actor: null }), { ...subject, algorithm: "DSTU4145" });
    const ecdsa = await issueFamilyCertificate(createCtx({ actor: null }), { ...subject, algorithm: "ECDSA-P256" });
    const jksFirst = await issueFamilyCertificate(createCtx({ actor: null }), { ...subject, algorithm: "DSTU4145" });
    const jksSecond = await issueFamilyCertificate(createCtx({ actor: null }), { ...subject, algorithm: "DSTU4145" });
    const { default: jk } = await import("jkurwa");
    const { default: gost89 } = await import("gost89");
    const { createJksStore } = await import("@/lib/kep/testing/create-jks-store");
    const privOf = (keyFile: Uint8Array) =>
      jk.Priv.from_protected(Buffer.from(keyFile), keyPassword, gost89.compat.algos()).keys[0]!;
    const jks = createJksStore(
      [
        {
          alias: "sign-1",
          keys: [privOf(jksFirst.keyFile), jk.std_curve("DSTU_PB_431").keygen()],
          certificates: [jksFirst.certificateDer],
        },
        { alias: "sign-2", keys: [privOf(jksSecond.keyFile)], certificates: [jksSecond.certificateDer] },
      ],
      keyPassword,
    );
    const files = {
      jksKeyFile: path.join(outDir, `head-privat-${enterprise.edrpou}.jks`),
      jksSerials: [jksFirst.serial, jksSecond.serial],
      dstuKeyFile: path.join(outDir, `head-dstu-${enterprise.edrpou}.dat`),
      dstuCertificate: path.join(outDir, `head-dstu-${enterprise.edrpou}.cer`),
      ecdsaKeyFile: path.join(outDir, `head-ecdsa-${enterprise.edrpou}.p12`),
      ecdsaCertificate: path.join(outDir, `head-ecdsa-${enterprise.edrpou}.cer`),
    };
    writeFileSync(files.jksKeyFile, jks);
    writeFileSync(files.dstuKeyFile, dstu.keyFile);
    writeFileSync(files.dstuCertificate, dstu.certificateDer);
    writeFileSync(files.ecdsaKeyFile, ecdsa.keyFile);
    writeFileSync(files.ecdsaCertificate, ecdsa.certificateDer);
    return files;
  };

  console.log(
    JSON.stringify({
      edrpou: enterprise.edrpou,
      name: enterprise.shortName ?? enterprise.name,
      head: {
        rnokpp: head.rnokpp,
        fullName: headFullName,
        password,
        keyFile: await keyFile(head.rnokpp, headFullName, "Директорка", "head"),
        keyPassword,
      },
      ...(withFamilies ? { headKeys: await familyKeys(head.rnokpp, headFullName) } : {}),
      authorized: {
        rnokpp: authorizedPerson.rnokpp,
        fullName: authorizedFullName,
        password,
        keyFile: await keyFile(authorizedPerson.rnokpp, authorizedFullName, "Інспекторка з кадрів", "authorized"),
        keyPassword,
      },
      eligible,
      lowSalary,
      conscript,
    }),
  );
}
