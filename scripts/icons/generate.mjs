// Draws the portal's icons (the shield of components/layout/logo.tsx on Diia's canvas colour)
// into public/. Run by hand after changing the logo: `node scripts/icons/generate.mjs`.
// sharp comes with Next.js (its image optimizer); the PNGs are committed, so nothing runs at build.
import { writeFile } from "node:fs/promises";
import sharp from "sharp";

const CANVAS = "#e2ecf4";
const SHIELD = "M16 2 4 6.5v8.2c0 7.4 5.1 13.4 12 15.3 6.9-1.9 12-7.9 12-15.3V6.5L16 2Z";
const TICK = "m11 15.5 3.6 3.6L21.5 12";

/** The shield drawn in a square of 32 units; `scale` < 1 leaves the maskable safe zone free. */
function svg({ scale = 0.8, background = CANVAS, round = true } = {}) {
  const offset = (32 - 32 * scale) / 2;
  const bg = background ? `<rect width="32" height="32" rx="${round ? 7 : 0}" fill="${background}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${bg}<g transform="translate(${offset} ${offset}) scale(${scale})"><path d="${SHIELD}" fill="#000"/><path d="${TICK}" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`;
}

async function png(source, size) {
  return sharp(Buffer.from(source), { density: 72 * (size / 32) })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

/** An .ico holding PNG images (valid since Windows Vista, read by every current browser). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const out = new URL("../../public/", import.meta.url);
await writeFile(new URL("favicon.svg", out), svg({ scale: 0.92, background: null }) + "\n");
await writeFile(
  new URL("favicon.ico", out),
  ico(
    await Promise.all(
      [16, 32, 48].map(async (size) => ({ size, data: await png(svg({ scale: 0.92, background: null }), size) })),
    ),
  ),
);
await writeFile(new URL("icons/icon-192.png", out), await png(svg(), 192));
await writeFile(new URL("icons/icon-512.png", out), await png(svg(), 512));
// Maskable: full-bleed background, the shield inside the central 80 % safe zone.
await writeFile(new URL("icons/icon-maskable-512.png", out), await png(svg({ scale: 0.62, round: false }), 512));
await writeFile(new URL("icons/apple-touch-icon.png", out), await png(svg({ scale: 0.72, round: false }), 180));
console.log("icons written to public/");
