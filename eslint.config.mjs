// ESLint (flat config): Next's recommended rules, typescript-eslint's recommended set, and the
// import boundaries that keep the architecture honest (ARCHITECTURE.md, "Boundaries"):
//   - lib/rules is pure: it imports only itself, lib/format, lib/errors and lib/zod, and reads no
//     clock, randomness or environment (lib/rules/purity.test.ts checks the same list);
//   - the registry's tables (`oberig.` SQL) and lib/registry's internals are reached only inside
//     lib/registry — everything else goes through its interface (`ctx.registry`, registryFor);
//   - lib/ never imports app/; components/ import from app/ only server actions (a module named
//     `actions` or `*-actions`, the documented convention);
//   - domain code in lib/ takes its database handle from the context (`ctx.db`): the global `db`
//     of lib/db/client is imported only by lib/db/**, lib/context-server.ts, scripts and tests.
// The rule set is deliberately small; formatting is Prettier's (npm run format), not ESLint's.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const APP_FROM_LIB = {
  regex: "^(@/app(/|$)|(\\.\\./)+app/)",
  message: "lib/ must not import app/: domain code is framework-free; move the shared piece into lib/.",
};
const APP_FROM_COMPONENTS = {
  // Allowed: server actions only — a module named `actions` or `<something>-actions` under app/.
  regex: "^@/app/(?!(.*/)?([a-z0-9-]+-)?actions$)",
  message:
    "components/ may import from app/ only server actions (app/**/actions.ts or app/**/*-actions.ts); move shared code into lib/ or components/.",
};
const REGISTRY_INTERNALS = {
  regex: "^(@/lib/registry/.+|(\\.\\./)+(lib/)?registry/.+)",
  message: "Import the registry through its interface, @/lib/registry (ctx.registry / registryFor), not its internals.",
};
const GLOBAL_DB = {
  name: "@/lib/db/client",
  importNames: ["db"],
  allowTypeImports: true,
  message:
    "Domain code takes its database handle from the context (ctx.db); the global db belongs to lib/db, lib/context-server.ts, scripts and tests.",
};
const RULES_PURE = {
  // lib/rules may import only itself and the shared formatters, errors and zod helpers.
  regex: "^(?!\\./|@/lib/format$|@/lib/errors$|@/lib/zod$)",
  message:
    "lib/rules is pure: it imports only ./*, @/lib/format, @/lib/errors and @/lib/zod (see lib/rules/purity.test.ts).",
};

const OBERIG_SQL = [
  {
    selector: "Literal[value=/\\boberig\\./]",
    message:
      "`oberig.` SQL belongs in lib/registry: add the query to the registry interface and call it through ctx.registry.",
  },
  {
    selector: "TemplateElement[value.raw=/\\boberig\\./]",
    message:
      "`oberig.` SQL belongs in lib/registry: add the query to the registry interface and call it through ctx.registry.",
  },
];
const RULES_PURITY_SYNTAX = [
  {
    selector: "MemberExpression[object.name='process'][property.name='env']",
    message: "lib/rules reads no environment.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "lib/rules reads no clock: take the date as input.",
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "lib/rules reads no clock: take the date as input.",
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: "lib/rules draws no randomness.",
  },
  {
    selector: "ImportDeclaration[source.value='server-only']",
    message: "lib/rules runs anywhere (the browser pre-check imports it).",
  },
];

/** no-restricted-imports with the given path and pattern restrictions. */
function restrictImports(paths, patterns) {
  return ["error", { paths, patterns }];
}

const LIB_DOMAIN = ["lib/**/*.{ts,tsx}"];
const LIB_DB_OWNERS = ["lib/db/**", "lib/context-server.ts"];
const TESTS = ["**/*.test.{ts,tsx}", "tests/**", "lib/rules/test-facts.ts"];

const config = [
  {
    ignores: [
      "lib/db/generated/**",
      ".next/**",
      ".data/**",
      "public/**",
      "docs/**",
      "prisma/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "coverage/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    name: "bronya/basics",
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
      // Ukrainian text uses the apostrophe (м'який знак) in JSX; only > and } are real mistakes.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
      // React Compiler advice (react-hooks 7); the app does not use the compiler. Off until it does.
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/purity": "off",
    },
  },
  // Tests and scripts: `any` for hand-made bad input is fine; `use…` helpers there are not React hooks.
  {
    name: "bronya/tests-and-scripts",
    files: [...TESTS, "scripts/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    name: "bronya/config-files",
    files: ["*.config.{js,mjs,ts}"],
    rules: { "import/no-anonymous-default-export": "off" },
  },

  // Everywhere outside lib/registry: no `oberig.` SQL, no registry internals.
  {
    name: "bronya/registry-port",
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["lib/registry/**", "eslint.config.mjs"],
    rules: {
      "no-restricted-syntax": ["error", ...OBERIG_SQL],
      "no-restricted-imports": restrictImports([], [REGISTRY_INTERNALS]),
    },
  },
  // Tests and benchmarks may look at the registry's tables directly (they seed and inspect them).
  {
    name: "bronya/registry-port-tests",
    files: [...TESTS, "scripts/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  // components/: app/ only for server actions.
  {
    name: "bronya/components",
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrictImports([], [REGISTRY_INTERNALS, APP_FROM_COMPONENTS]) },
  },
  // lib/ domain code: no app/, no registry internals, no global db.
  {
    name: "bronya/lib",
    files: LIB_DOMAIN,
    ignores: ["lib/registry/**", ...LIB_DB_OWNERS, ...TESTS],
    rules: { "no-restricted-imports": restrictImports([GLOBAL_DB], [APP_FROM_LIB, REGISTRY_INTERNALS]) },
  },
  // lib/ files that may hold the global db: the database layer, createCtx and tests.
  {
    name: "bronya/lib-db-owners",
    files: [...LIB_DB_OWNERS, "lib/**/*.test.{ts,tsx}"],
    ignores: ["lib/registry/**"],
    rules: { "no-restricted-imports": restrictImports([], [APP_FROM_LIB, REGISTRY_INTERNALS]) },
  },
  {
    name: "bronya/lib-registry",
    files: ["lib/registry/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrictImports([], [APP_FROM_LIB]) },
  },
  // lib/rules is pure.
  {
    name: "bronya/lib-rules",
    files: ["lib/rules/**/*.ts"],
    ignores: ["lib/rules/**/*.test.ts", "lib/rules/test-facts.ts"],
    rules: {
      "no-restricted-imports": restrictImports([], [RULES_PURE]),
      "no-restricted-syntax": ["error", ...OBERIG_SQL, ...RULES_PURITY_SYNTAX],
    },
  },
];

export default config;
