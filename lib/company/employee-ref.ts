import "server-only";
import { isValidRnokpp } from "@/lib/identifiers";
import { openText, sealText } from "@/lib/http/sealed-text";

// The employee detail page's address names the person by an opaque reference, never by the
// РНОКПП: /company/employees/<ref>, the РНОКПП sealed (lib/http/sealed-text.ts). Which enterprise may
// open it is still decided by getEmployeeDetail, scoped to the actor's enterprise.

export function employeeHref(rnokpp: string): string {
  return `/company/employees/${sealText(rnokpp, "employee-ref")}`;
}

/** The РНОКПП a reference names, or null for anything else. */
export function rnokppFromRef(ref: string): string | null {
  const rnokpp = openText(ref, "employee-ref");
  return rnokpp && isValidRnokpp(rnokpp) ? rnokpp : null;
}
