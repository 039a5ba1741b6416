import "server-only";
import QRCode from "qrcode";
import { env } from "@/lib/env";

/** What the QR code opens: the public check of this document. */
export function evodVerifyUrl(code: string): string {
  return `${env().PORTAL_URL.replace(/\/$/, "")}/verify/${encodeURIComponent(code)}`;
}

/** The QR code as SVG markup, for the page (error correction M: survives a worn printout). */
export function evodQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

/** The QR code as a PNG data URL, for the PDF. */
export function evodQrPng(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 480 });
}
