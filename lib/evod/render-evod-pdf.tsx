import "server-only";
import { Document, Image, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDate, kyivDate } from "@/lib/format";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/pdf/pdf-fonts";
import { evodFields, evodStatusLabel } from "./evod-fields";
import { evodQrPng } from "./evod-url";
import type { EvodSnapshot } from "./snapshot";

// The еВОД as a PDF drawn by @react-pdf/renderer (text, not a screenshot). Fonts: Inter from
// @fontsource/inter as static WOFF files — fontkit cannot subset the WOFF2 files' composite
// glyphs (Й, Ї), and the variable font of @fontsource-variable/inter has no WOFF. Fontsource
// splits scripts into files, so the family is a fallback list: Cyrillic first, then Latin
// (digits, punctuation, «»).

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10, padding: 36, color: "#000000" },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 16 },
  title: { fontSize: 18, fontWeight: 700 },
  subtitle: { fontSize: 9, color: "#4b5563", marginTop: 4 },
  chip: {
    marginTop: 8,
    alignSelf: "flex-start",
    borderRadius: 8,
    paddingVertical: 3,
    paddingHorizontal: 8,
    fontSize: 9,
  },
  ribbon: {
    backgroundColor: "#ec0312",
    color: "#ffffff",
    padding: 6,
    fontSize: 11,
    fontWeight: 700,
    textAlign: "center",
    marginBottom: 10,
  },
  qr: { width: 130, height: 130 },
  qrCaption: { fontSize: 7, color: "#4b5563", width: 130, textAlign: "center" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d5dde6", paddingVertical: 5 },
  label: { width: "38%", color: "#4b5563" },
  value: { width: "62%" },
  footer: { marginTop: 18, fontSize: 8, color: "#4b5563", lineHeight: 1.4 },
});

export type EvodPdfInput = {
  code: string;
  issuedAt: Date;
  validUntil: string;
  snapshot: EvodSnapshot;
  verifyUrl: string;
  dataUpToDate: boolean;
};

export async function renderEvodPdf(input: EvodPdfInput): Promise<Buffer> {
  await registerPdfFonts();
  const qr = await evodQrPng(input.verifyUrl);
  const status = evodStatusLabel(input.snapshot);
  const wanted = input.snapshot.military?.status === "WANTED";

  const document = (
    <Document
      title="Військово-обліковий документ"
      author="Портал «Броня»"
      language="uk"
      creator="Броня"
      producer="Броня"
    >
      <Page size="A4" style={styles.page}>
        {wanted ? <Text style={styles.ribbon}>У РОЗШУКУ</Text> : null}
        <View style={styles.header}>
          <View style={{ flexGrow: 1, paddingRight: 16 }}>
            <Text style={styles.title}>Військово-обліковий документ</Text>
            <Text style={styles.subtitle}>
              Електронна форма (еВОД) · сформовано {formatDate(kyivDate(input.issuedAt))} · дійсний до{" "}
              {formatDate(input.validUntil)}
            </Text>
            {status ? (
              <Text
                style={[
                  styles.chip,
                  { backgroundColor: wanted ? "#ec0312" : "#76e0ad", color: wanted ? "#ffffff" : "#000000" },
                ]}
              >
                {status}
              </Text>
            ) : null}
            <Text style={[styles.chip, { backgroundColor: input.dataUpToDate ? "#76e0ad" : "#faeb64" }]}>
              {input.dataUpToDate ? "Дані уточнено вчасно" : "Дані не уточнено"}
            </Text>
          </View>
          <View>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image (a PDF, not HTML) has no alt; the caption names it */}
            <Image src={qr} style={styles.qr} />
            <Text style={styles.qrCaption}>Скануйте, щоб перевірити дійсність</Text>
          </View>
        </View>
        {evodFields(input.snapshot).map((field) => (
          <View key={field.label} style={styles.row} wrap={false}>
            <Text style={styles.label}>{field.label}</Text>
            <Text style={styles.value}>{field.value}</Text>
          </View>
        ))}
        <View style={styles.footer}>
          <Text>Перевірка дійсності: {input.verifyUrl}</Text>
          <Text>
            Роздрукований документ із QR-кодом має ту саму силу, що й електронний. Документ недійсний, якщо дані в ньому
            не збігаються з реєстром «Оберіг», після зазначеної дати або після закінчення чи анулювання бронювання.
          </Text>
        </View>
      </Page>
    </Document>
  );
  return renderToBuffer(document);
}
