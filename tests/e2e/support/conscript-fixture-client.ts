import { runFixture } from "./run-fixture";

/** Runs conscript-fixture.ts in its own Node process (react-server condition) and returns its JSON. */
export function runConscriptFixture<T>(...args: string[]): T {
  return runFixture<T>("tests/e2e/support/conscript-fixture.ts", args, 60_000);
}
