import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/session";

// Every page below also calls requireActor itself: layouts do not re-run on client navigation.
export default async function Layout({ children }: { children: ReactNode }) {
  await requireActor(["METHODOLOGIST"], "/methodology");
  return <>{children}</>;
}
