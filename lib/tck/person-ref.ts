import "server-only";
import { openText, sealText } from "@/lib/http/sealed-text";
import { isValidRnokpp } from "@/lib/identifiers";

// A person's record in the ТЦК cabinet is addressed by a sealed reference, never by the РНОКПП
// (as the company cabinet's employee pages are): /tck/people/<ref>.

export function tckPersonHref(rnokpp: string): string {
  return `/tck/people/${sealText(rnokpp, "tck-person")}`;
}

export function rnokppFromTckRef(ref: string): string | null {
  const rnokpp = openText(ref, "tck-person");
  return rnokpp && isValidRnokpp(rnokpp) ? rnokpp : null;
}
