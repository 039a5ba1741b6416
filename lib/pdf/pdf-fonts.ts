import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

// The portal's PDF fonts (the еВОД, certificates): Inter from @fontsource/inter as static WOFF
// files — fontkit cannot subset the WOFF2 files' composite glyphs (Й, Ї), and the variable font of
// @fontsource-variable/inter has no WOFF. Fontsource splits scripts into files, so the family is a
// fallback list: Cyrillic first, then Latin (digits, punctuation, «»).

const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/inter/files");

/** Use as a style's fontFamily. */
export const PDF_FONT_FAMILY = ["Inter-cyrillic", "Inter-latin"];

let fontsRegistered = false;

/** Registers the fonts once per process (before the first render). */
export function registerPdfFonts() {
  if (fontsRegistered) return;
  for (const subset of ["cyrillic", "latin"] as const) {
    Font.register({
      family: `Inter-${subset}`,
      fonts: [400, 700].map((weight) => ({
        src: path.join(FONT_DIR, `inter-${subset}-${weight}-normal.woff`),
        fontWeight: weight,
      })),
    });
  }
  // Words are never hyphenated: a name or an address split with a hyphen reads as another word.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}
