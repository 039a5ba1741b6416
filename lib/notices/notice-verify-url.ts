import "server-only";
import { env } from "@/lib/env";

/** What a notice's QR code opens: the public check of this notice, as an absolute URL (as the еВОД's). */
export function noticeVerifyUrl(code: string): string {
  return `${env().PORTAL_URL.replace(/\/$/, "")}/verify/notice/${encodeURIComponent(code)}`;
}
