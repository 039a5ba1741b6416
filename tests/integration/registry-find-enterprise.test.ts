import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { registryFor } from "@/lib/registry";
import { createEnterprise, createPerson } from "@/prisma/seed/factories";

// The registry's enterprise with its head's name is one statement (lib/registry/postgres/
// find-enterprise.ts): it must say what Prisma's read with the head included says, for an
// enterprise with a head, one without, a liquidated one, and inside a transaction.

/** The same enterprise read by Prisma with its head included, in the registry's record shape. */
const prismaRead = async (edrpou: string) => {
  const row = await db.enterprise.findUnique({
    where: { edrpou },
    include: { head: { select: { lastName: true, firstName: true, patronymic: true } } },
  });
  if (!row) return null;
  const { head, registeredOn, liquidatedOn, ...fields } = row;
  return {
    ...fields,
    headName: head ? [head.lastName, head.firstName, head.patronymic].filter(Boolean).join(" ") : null,
    registeredOn: registeredOn.toISOString().slice(0, 10),
    liquidatedOn: liquidatedOn ? liquidatedOn.toISOString().slice(0, 10) : null,
  };
};

describe("findEnterprise", () => {
  it("reads the enterprise and its head's name as Prisma's include does", async () => {
    const head = await createPerson(db, { birthDate: "1971-03-09", lastName: "Головченко", patronymic: null });
    const headed = await createEnterprise(db, {
      head: head.rnokpp,
      ownership: "STATE",
      stateShare: 75,
      frontline: true,
      diiaCity: true,
      registeredOn: "2001-12-31",
      shortName: null,
      address: null,
    });
    const headless = await createEnterprise(db, { head: null, ownership: "COMMUNAL" });
    const liquidated = await createEnterprise(db, {
      head: true,
      liquidatedOn: "2025-01-31",
      registeredOn: "2010-01-01",
    });

    const registry = registryFor(db);
    for (const { edrpou } of [headed, headless, liquidated]) {
      const read = await registry.findEnterprise(edrpou);
      expect(read).toEqual(await prismaRead(edrpou));
    }
    expect(await registry.findEnterprise(headed.edrpou)).toMatchObject({
      headRnokpp: head.rnokpp,
      headName: expect.stringMatching(/^Головченко /),
      ownership: "STATE",
      stateShare: 75,
      registeredOn: "2001-12-31",
      liquidatedOn: null,
    });
    expect(await registry.findEnterprise(headless.edrpou)).toMatchObject({ headRnokpp: null, headName: null });
    expect(await registry.findEnterprise(liquidated.edrpou)).toMatchObject({ liquidatedOn: "2025-01-31" });
    expect(await registry.findEnterprise("00000000")).toBeNull();

    // In a transaction the same statement runs on the transaction's connection and sees its writes.
    await db
      .$transaction(async (tx) => {
        await tx.enterprise.update({ where: { edrpou: headless.edrpou }, data: { region: "Волинська область" } });
        expect(await registryFor(tx).findEnterprise(headless.edrpou)).toMatchObject({ region: "Волинська область" });
        throw new Error("rollback");
      })
      .catch((error: Error) => expect(error.message).toBe("rollback"));
    expect(await registry.findEnterprise(headless.edrpou)).toEqual(await prismaRead(headless.edrpou));
  });
});
