import { afterEach, describe, expect, it } from "vitest";
import { buildChildEnv, readLaunchConfig } from "./config";

// readLaunchConfig parses process.env through lib/env (as the launcher does); each test sets
// exactly the variables it needs and restores the rest.
const saved = { ...process.env };
const KEYS = [
  "PORT",
  "PORTAL_URL",
  "DATABASE_URL",
  "DEMO_MODE",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "DATA_DIR",
  "WEB_PROCESSES",
  "WORKERS",
  "STATUS_PORT",
  "STATUS_PROCESSES",
  "DATABASE_REPLICA_URLS",
];

function withEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, values);
  return { ...process.env };
}

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
  Object.assign(
    process.env,
    Object.fromEntries(KEYS.filter((key) => saved[key] !== undefined).map((key) => [key, saved[key]])),
  );
});

describe("readLaunchConfig", () => {
  it("takes --replica for the embedded Postgres and refuses it with DATABASE_URL, beside DATABASE_REPLICA_URLS, and unknown flags", () => {
    expect(readLaunchConfig(["dev"], withEnv({}), "/r").replica).toBe(false);
    expect(readLaunchConfig(["dev", "--replica"], withEnv({}), "/r").replica).toBe(true);
    expect(() =>
      readLaunchConfig(
        ["dev", "--replica"],
        withEnv({ DATABASE_URL: "postgresql://u:p@db.example:5432/bronya" }),
        "/r",
      ),
    ).toThrow(/DATABASE_REPLICA_URLS/);
    expect(() =>
      readLaunchConfig(
        ["dev", "--replica"],
        withEnv({ DATABASE_REPLICA_URLS: "postgresql://u:p@r1:5432/bronya" }),
        "/r",
      ),
    ).toThrow(/оберіть одне/);
    expect(() => readLaunchConfig(["dev", "--replicas"], withEnv({}), "/r")).toThrow(/Невідомий параметр «--replicas»/);
  });

  it("reads DATABASE_REPLICA_URLS as a comma-separated list of postgresql:// addresses and passes it to the children", () => {
    const config = readLaunchConfig(
      ["start"],
      withEnv({ DATABASE_REPLICA_URLS: " postgresql://u:p@r1:5432/bronya, postgres://u:p@r2/bronya ," }),
      "/r",
    );
    expect(config.env.DATABASE_REPLICA_URLS).toEqual(["postgresql://u:p@r1:5432/bronya", "postgres://u:p@r2/bronya"]);
    expect(() => readLaunchConfig(["start"], withEnv({ DATABASE_REPLICA_URLS: "r1:5432" }), "/r")).toThrow(
      /кожна адреса має починатися з postgresql/,
    );
    const childEnv = buildChildEnv(
      { NODE_ENV: "development" },
      readLaunchConfig(["dev"], withEnv({}), "/r"),
      {
        databaseUrl: "postgresql://u:p@127.0.0.1:1/b",
        authSecret: "s".repeat(32),
        replicaUrls: ["postgresql://u:p@127.0.0.1:2/b"],
      },
      "next",
    );
    expect(childEnv.DATABASE_REPLICA_URLS).toBe("postgresql://u:p@127.0.0.1:2/b");
  });

  it("reads WEB_PROCESSES and WORKERS (default 1 each) and refuses bad ones in one sentence", () => {
    expect(readLaunchConfig(["start"], withEnv({}), "/r").env).toMatchObject({ WEB_PROCESSES: 1, WORKERS: 1 });
    expect(readLaunchConfig(["start"], withEnv({ WEB_PROCESSES: "4", WORKERS: "2" }), "/r").env).toMatchObject({
      WEB_PROCESSES: 4,
      WORKERS: 2,
    });
    expect(() => readLaunchConfig(["start"], withEnv({ WORKERS: "0" }), "/r")).toThrow(/WORKERS має бути від 1 до 32/);
    expect(() => readLaunchConfig(["start"], withEnv({ WEB_PROCESSES: "два" }), "/r")).toThrow(
      /WEB_PROCESSES має бути числом/,
    );
    expect(() => readLaunchConfig(["dev"], withEnv({ WEB_PROCESSES: "2" }), "/r")).toThrow(
      /WEB_PROCESSES=2 працює лише з npm start/,
    );
  });

  it("reads STATUS_PORT and STATUS_PROCESSES, and refuses a status port that is the web server's", () => {
    expect(readLaunchConfig(["start"], withEnv({}), "/r").env).toMatchObject({ STATUS_PROCESSES: 1 });
    expect(readLaunchConfig(["start"], withEnv({}), "/r").env.STATUS_PORT).toBeUndefined();
    expect(readLaunchConfig(["start"], withEnv({ STATUS_PORT: "" }), "/r").env.STATUS_PORT).toBeUndefined();
    expect(
      readLaunchConfig(["start"], withEnv({ STATUS_PORT: "3100", STATUS_PROCESSES: "2" }), "/r").env,
    ).toMatchObject({ STATUS_PORT: 3100, STATUS_PROCESSES: 2 });
    expect(() => readLaunchConfig(["start"], withEnv({ STATUS_PORT: "3000" }), "/r")).toThrow(
      /STATUS_PORT=3000 збігається з PORT/,
    );
    expect(() => readLaunchConfig(["start"], withEnv({ STATUS_PORT: "70000" }), "/r")).toThrow(
      /STATUS_PORT має бути від 1 до 65535/,
    );
    expect(() => readLaunchConfig(["start"], withEnv({ STATUS_PROCESSES: "0" }), "/r")).toThrow(
      /STATUS_PROCESSES має бути від 1 до 32/,
    );
  });

  it("defaults: port 3000, demo mode on, data under the project", () => {
    const config = readLaunchConfig(["dev"], withEnv({}), "/srv/bronya");
    expect(config).toMatchObject({
      mode: "dev",
      port: 3000,
      portalUrl: "http://localhost:3000",
      demoMode: true,
      dataDir: "/srv/bronya/.data",
    });
  });

  it("lets the portal URL follow PORT unless PORTAL_URL is given", () => {
    expect(readLaunchConfig(["start"], withEnv({ PORT: "4100" }), "/r").portalUrl).toBe("http://localhost:4100");
    expect(
      readLaunchConfig(["start"], withEnv({ PORT: "4100", PORTAL_URL: "https://bronya.example.gov.ua/" }), "/r")
        .portalUrl,
    ).toBe("https://bronya.example.gov.ua");
  });

  it("keeps an explicit DEMO_MODE=0", () => {
    expect(readLaunchConfig(["dev"], withEnv({ DEMO_MODE: "0" }), "/r").demoMode).toBe(false);
  });

  it("npm start is production: demo mode off unless DEMO_MODE asks for it", () => {
    expect(readLaunchConfig(["start"], withEnv({}), "/r").demoMode).toBe(false);
    expect(readLaunchConfig(["start"], withEnv({ DEMO_MODE: "" }), "/r").demoMode).toBe(false);
    expect(readLaunchConfig(["start"], withEnv({ DEMO_MODE: "1" }), "/r").demoMode).toBe(true);
    expect(
      buildChildEnv(
        withEnv({}),
        readLaunchConfig(["start"], withEnv({}), "/r"),
        { databaseUrl: "postgresql://x@h/db", authSecret: "s".repeat(32) },
        "next",
      ).DEMO_MODE,
    ).toBe("0");
  });

  it.each([
    [["serve"], {}, "LAUNCH_USAGE", /Невідомий режим «serve»/],
    [[], {}, "LAUNCH_USAGE", /npm run dev або npm start/],
    [["dev"], { PORT: "eighty" }, "LAUNCH_ENV_INVALID", /PORT.*виправте значення/],
    [["dev"], { PORT: "70000" }, "LAUNCH_ENV_INVALID", /PORT/],
    [["dev"], { DATABASE_URL: "mysql://x@h/db" }, "DATABASE_URL_INVALID", /схема «mysql»/],
    [["dev"], { DATABASE_URL: "" }, "DATABASE_URL_INVALID", /порожнє значення/],
  ])("refuses %j with %j", (argv, values, code, message) => {
    const failure = (() => {
      try {
        readLaunchConfig(argv, withEnv(values), "/r");
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toMatchObject({ code });
    expect((failure as Error).message).toMatch(message);
  });
});

describe("buildChildEnv", () => {
  const resolved = { databaseUrl: "postgresql://u:p@127.0.0.1:5/bronya", authSecret: "s".repeat(43) };

  it("hands the web server what it needs, with the NODE_ENV of its mode", () => {
    const base = withEnv({ PORT: "3005" });
    const config = readLaunchConfig(["dev"], base, "/r");
    const env = buildChildEnv({ ...base, NODE_ENV: "test", HOME: "/home/x" }, config, resolved, "next");
    expect(env).toMatchObject({
      DATABASE_URL: resolved.databaseUrl,
      NEXTAUTH_SECRET: resolved.authSecret,
      NEXTAUTH_URL: "http://localhost:3005",
      PORTAL_URL: "http://localhost:3005",
      DEMO_MODE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: "/r/.data",
      HOME: "/home/x",
    });
    expect(env.NODE_ENV).toBe("development");
  });

  it("keeps an explicit NEXTAUTH_URL and gives the worker a NODE_ENV of its mode", () => {
    const base = withEnv({ NEXTAUTH_URL: "https://auth.example" });
    const env = buildChildEnv(base, readLaunchConfig(["start"], base, "/r"), resolved, "worker");
    expect(env).toMatchObject({ NEXTAUTH_URL: "https://auth.example", NODE_ENV: "production" });
  });
});
