import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

// The portal's PDF fonts (the еВОД, certificates, notices): Inter from @fontsource/inter as static
// WOFF files — fontkit cannot subset the WOFF2 files' composite glyphs (Й, Ї), and the variable
// font of @fontsource-variable/inter has no WOFF. Fontsource splits scripts into files, so the
// family is a fallback list: Cyrillic first, then Latin (digits, punctuation, «»).

const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/inter/files");
const SUBSETS = ["cyrillic", "latin"] as const;
const WEIGHTS = [400, 700] as const;

/** Use as a style's fontFamily. */
export const PDF_FONT_FAMILY = SUBSETS.map((subset) => `Inter-${subset}`);

let fontsReady: Promise<void> | null = null;

/**
 * Registers and loads the fonts once per process (await it before the first render). Both
 * subsets' files call themselves "Inter-Regular": pdfkit keys embedded fonts by that PostScript
 * name, so every switch between Cyrillic and Latin embedded the font anew (some 60 copies a
 * page, 115 KB a page). Each loaded file gets its own name before anything reads it.
 */
export function registerPdfFonts(): Promise<void> {
  fontsReady ??= (async () => {
    for (const subset of SUBSETS) {
      Font.register({
        family: `Inter-${subset}`,
        fonts: WEIGHTS.map((weight) => ({
          src: path.join(FONT_DIR, `inter-${subset}-${weight}-normal.woff`),
          fontWeight: weight,
        })),
      });
    }
    // Words are never hyphenated: a name or an address split with a hyphen reads as another word.
    Font.registerHyphenationCallback((word) => [word]);
    for (const subset of SUBSETS) {
      for (const weight of WEIGHTS) {
        const source = Font.getFont({ fontFamily: `Inter-${subset}`, fontWeight: weight });
        await source.load();
        // Once per loaded file: a module reloaded in development finds its own name already there.
        if (!Object.prototype.hasOwnProperty.call(source.data, "postscriptName"))
          Object.defineProperty(source.data, "postscriptName", { value: `Inter-${subset}-${weight}` });
      }
    }
  })().catch((error: unknown) => {
    fontsReady = null;
    throw error;
  });
  return fontsReady;
}
