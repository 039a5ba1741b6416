"use client";

import { useSession } from "next-auth/react";
import { useEffect } from "react";
import { deleteOfflineCopies, offlineCopyName } from "./offline-copy";

/** When someone else signs in on this device, the previous user's saved еВОД is deleted. */
export function OfflineCopyGuard() {
  const { data: session, status } = useSession();
  const uid = session?.uid;
  useEffect(() => {
    if (status !== "authenticated" || !uid) return;
    offlineCopyName(uid)
      .then((own) => deleteOfflineCopies(own))
      .catch(() => undefined);
  }, [status, uid]);
  return null;
}
