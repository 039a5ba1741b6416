// A fixture process for the citizen's notice journeys (not a spec): it opens the database of the
// running e2e server and works through the domain's own code, printing one line of JSON.
// Run under the react-server condition (server-only modules refuse anything else):
//   node --conditions=react-server --import tsx tests/e2e/notices-fixture.ts notice <rnokpp> [signed]
// It makes the person a citizen who can sign in with a password, and has an officer of the
// person's own ТЦК form a mobilisation notice for them with formNotices — the same rules and
// writes the ТЦК cabinet uses. With "signed", a head of that ТЦК then signs the batch with a КЕП
// key the test provider issues for the ТЦК's ЄДРПОУ (prepareBatchSigning + signNoticeBatch).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { resetEnvCache } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [command, rnokpp, flag] = process.argv.slice(2);
if (command !== "notice" || !rnokpp || !/^\d{10}$/.test(rnokpp) || (flag !== undefined && flag !== "signed"))
  throw new Error("usage: notices-fixture.ts notice <rnokpp> [signed]");

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  owner: "e2e notices fixture",
  shareRunning: true,
});
process.env.DATABASE_URL = database.url;
// The e2e server runs in demo mode (scripts/e2e/serve.mjs): its test КНЕДП is trusted, so the
// head's key the fixture issues verifies here as it would there.
process.env.DEMO_MODE = "1";
resetEnvCache();

const { db, disconnectDb } = await import("@/lib/db/client");
const { createCtx } = await import("@/lib/context-server");
try {
  const { createUser } = await import("@/prisma/seed/factories");
  const { formNotices } = await import("@/lib/notices/form-notices");
  const { kyivDate } = await import("@/lib/format");
  const { addDays, isoDateToUtc } = await import("@/lib/rules");

  const registration = await db.militaryRegistration.findUniqueOrThrow({
    where: { rnokpp },
    select: { tcc: true, person: { select: { lastName: true, firstName: true, patronymic: true } } },
  });
  const fullName = `${registration.person.lastName} ${registration.person.firstName} ${registration.person.patronymic}`;
  const password = "e2e-notices-2026";
  await createUser(db, { role: "CONSCRIPT", rnokpp, fullName, password, email: null });
  const { user } = await createUser(db, {
    role: "TCK_OFFICER",
    tcc: registration.tcc,
    fullName: "Офіцер Наскрізний Тестович",
    email: null,
  });
  const officer = {
    userId: user.id,
    rnokpp: user.rnokpp!,
    fullName: user.fullName,
    role: "TCK_OFFICER" as const,
    tcc: registration.tcc,
    via: "password" as const,
  };

  let appearDate = addDays(kyivDate(new Date()), 3);
  while ([0, 6].includes(isoDateToUtc(appearDate).getUTCDay())) appearDate = addDays(appearDate, 1);
  const batch = await formNotices(createCtx({ actor: officer, now: new Date() }), {
    kind: "MOBILISATION",
    appearDate,
    appearTime: "11:30",
    place: "м. Київ, вул. Наскрізна, 5, каб. 3",
    selection: { by: "people", rnokpps: [rnokpp] },
  });
  if (batch.formed !== 1) throw new Error(`the fixture's notice was not formed: ${JSON.stringify(batch.refused)}`);
  if (flag === "signed") await signBatch(registration.tcc, batch.batchId);
  const notice = await db.notice.findFirstOrThrow({ where: { batchId: batch.batchId }, select: { id: true } });
  console.log(JSON.stringify({ rnokpp, fullName, password, tcc: registration.tcc, noticeId: notice.id }));
} finally {
  await disconnectDb();
  await database.close();
}

async function signBatch(tccName: string, batchId: string) {
  const { createUser } = await import("@/prisma/seed/factories");
  const { issueCertificate } = await import("@/lib/kep/provider/issue-certificate");
  const { openKeyFile, signDetached } = await import("@/lib/kep/browser");
  const { prepareBatchSigning } = await import("@/lib/notices/prepare-batch-signing");
  const { signNoticeBatch } = await import("@/lib/notices/sign-notice-batch");
  const tcc = await db.tcc.findUniqueOrThrow({ where: { name: tccName }, select: { edrpou: true } });
  const { user } = await createUser(db, {
    role: "TCK_HEAD",
    tcc: tccName,
    fullName: "Начальник Наскрізний Тестович",
    email: null,
  });
  const head = {
    userId: user.id,
    rnokpp: user.rnokpp!,
    fullName: user.fullName,
    role: "TCK_HEAD" as const,
    tcc: tccName,
    via: "password" as const,
  };
  const password = "e2e-notices-key-2026";
  const { p12 } = await issueCertificate(
    { db, now: new Date() },
    {
      rnokpp: head.rnokpp,
      fullName: head.fullName,
      password,
      edrpou: tcc.edrpou,
      organization: tccName,
      title: "Начальник",
    },
  );
  const ctx = createCtx({ actor: head, now: new Date() });
  const prepared = await prepareBatchSigning(ctx, { batchId });
  const signature = signDetached(openKeyFile(p12, password), Buffer.from(prepared.document, "base64"));
  await signNoticeBatch(ctx, { batchId, nonce: prepared.nonce, signature: Buffer.from(signature).toString("base64") });
}
