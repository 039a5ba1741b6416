import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { signIn } from "./support/auth";

// The administrator's «Перелік надавачів»: a file that is no list and a list of certificates that
// are no CA's are refused with a Ukrainian sentence and nothing changes; the ЦЗО's root with the
// Justice CA it certified (jkurwa's public fixtures, DSTU 4145), packed as CACertificates.p7b is,
// is previewed provider by provider and imported.

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(process.cwd(), "node_modules/jkurwa/test/data", name)));

/** A certs-only CMS SignedData, DER: the shape of the ЦЗО's CACertificates.p7b. */
function certsOnlyBundle(ders: Uint8Array[]): Buffer {
  const certificates = ders.map((der) => new pkijs.Certificate({ schema: asn1js.fromBER(der.slice().buffer).result }));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: "1.2.840.113549.1.7.1" }),
    certificates,
    signerInfos: [],
  });
  const info = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return Buffer.from(info.toSchema().toBER(false));
}

test("the administrator is refused a file that is no trust list, then previews and imports the ЦЗО's CA certificates", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/trust-list");
  await expect(page.getByRole("heading", { name: "Перелік кваліфікованих надавачів" })).toBeVisible();
  await expect(
    page.getByText("Демонстраційний режим: крім імпортованого переліку, довіряємо тестовому КНЕДП порталу."),
  ).toBeVisible();
  const file = page.getByLabel("Файл переліку (CACertificates.p7b або PEM)");

  await file.setInputFiles({
    name: "note.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("це не перелік сертифікатів"),
  });
  await expect(page.getByTestId("trust-list-error")).toContainText("Файл не є переліком сертифікатів");
  await expect(page.getByTestId("trust-list-preview")).toHaveCount(0);

  await file.setInputFiles({
    name: "CAList.p7b",
    mimeType: "application/pkcs7-mime",
    buffer: Buffer.from(fixture("CAList.cer")),
  });
  await expect(page.getByTestId("trust-list-error")).toContainText("не є сертифікатом ЦСК");
  await expect(page.getByTestId("trust-list-preview")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("trust-list-last-import")).toHaveCount(0);

  await page.getByLabel("Файл переліку (CACertificates.p7b або PEM)").setInputFiles({
    name: "CACertificates.p7b",
    mimeType: "application/pkcs7-mime",
    buffer: certsOnlyBundle([fixture("CZOROOT.cer"), fixture("CA-Justice.cer")]),
  });
  const preview = page.getByTestId("trust-list-preview");
  await expect(preview).toContainText("У файлі 2 сертифікатів ЦСК");
  await expect(preview.getByText("кореневий")).toHaveCount(1);
  await expect(page.getByTestId("trust-list-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Імпортувати перелік" }).click();
  await expect(page.getByTestId("trust-list-done")).toContainText("Перелік імпортовано: 2 сертифікатів");
  await expect(page.getByTestId("trust-list-last-import")).toContainText("«CACertificates.p7b» · 2 сертифікатів");
  const imported = page.getByTestId("trust-list-providers").last();
  await expect(imported.getByTestId("trust-list-provider").first()).toBeVisible();
  await expect(imported).toContainText("Серійний номер");
  await expect(imported).toContainText("CRL:");
});
