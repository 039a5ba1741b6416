import type { RoleOption } from "../roles";

/** What a provider's authorize() returns; the JWT callback turns it into the session token. */
export type SignedInUser = {
  id: string;
  rnokpp: string | null;
  fullName: string;
  roles: RoleOption[];
  via: "password" | "kep";
};
