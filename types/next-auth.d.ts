import type { RoleOption } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    uid: string;
    rnokpp: string | null;
    fullName: string;
    roles: RoleOption[];
    activeRole: RoleOption | null;
    via: "password" | "kep";
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    rnokpp?: string | null;
    roles?: RoleOption[];
    active?: number | null;
    via?: "password" | "kep";
  }
}
