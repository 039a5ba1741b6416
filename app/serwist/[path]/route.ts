import { createSerwistRoute } from "@serwist/turbopack";

// Serwist bundles app/sw.ts with esbuild at build time (the route is static) and serves it as
// /serwist/sw.js. The precache holds only the build's static files and public/: no page and
// nothing personal (the еВОД's own copy is kept by the page, per user: components/pwa/).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  globPatterns: [".next/static/**/*.{js,css,woff2,png,svg,ico}", "public/**/*.{png,svg,ico,webmanifest}"],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
