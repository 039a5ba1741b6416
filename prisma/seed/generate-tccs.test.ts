import { describe, expect, it } from "vitest";
import { isValidEdrpou } from "@/lib/identifiers";
import { DEMO_TCC, DEMO_USERS } from "./demo-users";
import { DEMO_FACTS } from "./demo-persons";
import { generateTccs } from "./generate-tccs";
import { materializeWorld } from "./test-world";
import { expectEvery } from "@/tests/support/expect-every";

describe("generateTccs", () => {
  const tccs = generateTccs(new Set());

  it("gives every ТЦК a unique name and a valid, unique ЄДРПОУ", () => {
    expect(new Set(tccs.map((tcc) => tcc.name)).size).toBe(tccs.length);
    expect(new Set(tccs.map((tcc) => tcc.edrpou)).size).toBe(tccs.length);
    expectEvery(tccs, (tcc) => isValidEdrpou(tcc.edrpou));
    expect(tccs.map((tcc) => tcc.name)).toContain(DEMO_TCC);
  });

  it("covers the ТЦК of every registered person of the world and of the demo logins", () => {
    const names = new Set(tccs.map((tcc) => tcc.name));
    const world = materializeWorld();
    const missing = world.bundles.flatMap((bundle) =>
      bundle.registration && !names.has(bundle.registration.tcc) ? [bundle.registration.tcc] : [],
    );
    expect(missing).toEqual([]);
    expect(world.tccs).toEqual(
      generateTccs(new Set(world.enterprises.map((e) => e.edrpou).concat(world.authorities.map((a) => a.edrpou)))),
    );
    for (const user of DEMO_USERS) if (user.tcc) expect(names.has(user.tcc), user.key).toBe(true);
    for (const facts of Object.values(DEMO_FACTS))
      if (facts.registration) expect(names.has(facts.registration.tcc), facts.registration.tcc).toBe(true);
  }, 60_000); // materialising the whole test world is seconds of CPU, more on a shared machine
});
