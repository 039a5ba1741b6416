import "server-only";
import type { Ctx } from "@/lib/context";
import { generateEdrpou, generateRnokpp } from "@/lib/identifiers";
import { loadStoredSeal, type StoredSeal } from "@/lib/kep/provider/load-stored-seal";

// The portal's qualified electronic seal: a certificate the test КНЕДП issues to the portal as
// an organization, kept with the provider's own keys (public.ca_keys, id "portal-seal"). It
// signs each day's audit anchor. The certificate profile has no seal type of its own yet, so
// the holder fields name the portal and the seal's responsible officer identifier.

export const PORTAL_SEAL_ID = "portal-seal";
export const PORTAL_SEAL_SUBJECT = {
  rnokpp: generateRnokpp(new Date(Date.UTC(1991, 7, 24)), "MALE", 1),
  edrpou: generateEdrpou(4_399_001),
  fullName: "Портал Броня",
  organization: "Портал е-бронювання «Броня»",
  title: "Кваліфікована електронна печатка",
} as const;

export type PortalSeal = StoredSeal;

/** The seal, issued on first use. `ctx.db` must be able to open a transaction (or be one with the provider in place). */
export function loadPortalSeal(ctx: Ctx<"db" | "now">): Promise<PortalSeal> {
  return loadStoredSeal(ctx, { id: PORTAL_SEAL_ID, subject: PORTAL_SEAL_SUBJECT });
}
