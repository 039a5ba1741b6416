import type { ReactNode } from "react";
import { requireCentreRecruiter } from "@/lib/auth/gate";

// Every page below also calls its cabinet gate (lib/auth/gate.ts) itself: layouts do not re-run on client navigation.
export default async function Layout({ children }: { children: ReactNode }) {
  await requireCentreRecruiter("/centre");
  return <>{children}</>;
}
