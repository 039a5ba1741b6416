import { describe, expect, it } from "vitest";
import { rnokppCheckDigit } from "@/lib/identifiers/rnokpp";
import { logLeaks } from "./log-leaks";

// The CI run of stop 22 failed on a UUID whose last group held ten digits with a valid check
// digit: the scan must see a РНОКПП wherever a URL or a log line could carry one, and nothing
// inside a hex id.

const rnokpp = "2951816629";

describe("logLeaks", () => {
  it("the fixture is a valid РНОКПП", () => {
    expect(rnokppCheckDigit(rnokpp.slice(0, 9))).toBe(Number(rnokpp[9]));
  });

  it.each([
    ["a path segment", `[access] GET /company/employees/${rnokpp} 200`],
    ["a query value", `[access] GET /company/employees?q=${rnokpp}&page=2 200`],
    ["a JSON field", `[worker] {"rnokpp":"${rnokpp}","status":"ok"}`],
    ["a line's end", `помилка для ${rnokpp}`],
    ["an encoded form body", `q=${rnokpp}`],
  ])("finds a РНОКПП in %s", (_where, line) => {
    expect(logLeaks(`${line}\n`).rnokpps).toEqual([rnokpp]);
  });

  it.each([
    ["a UUID's last group", `[access] GET /company/applications/ecba9b12-1234-4321-b123-9c${rnokpp} 200`],
    ["a UUID's last group ending in digits", `[worker] [send-emails 5d1234e0-123e-45e6-9f12-ab${rnokpp}] done`],
    ["an _rsc key", `[access] GET /company?_rsc=x${rnokpp}Q 200`],
    ["a Unix time", "[worker] at 1764892800 started"],
    ["a deliberate probe", `[access] GET /api/v1/me/status?rnokpp=${rnokpp} 401`],
    ["a number with a wrong check digit", `[access] GET /company/employees/2951816620 404`],
    ["a longer number", `[access] GET /verify/12${rnokpp} 404`],
  ])("does not count %s", (_where, line) => {
    expect(logLeaks(`${line}\n`).rnokpps).toEqual([]);
  });

  it("finds an HR API token and a session", () => {
    const leaks = logLeaks(
      "Authorization: Bearer brn_abcdefghijklmnopqrstuvwx\ncookie eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0\n",
    );
    expect(leaks.tokens).toEqual(["brn_abcdefghijklmnopqrstuvwx"]);
    expect(leaks.sessions).toHaveLength(1);
  });
});
