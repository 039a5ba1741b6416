import "server-only";
import { Document, Page, Path, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { formatDateTime, formatInstantDate } from "@/lib/format";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/pdf/pdf-fonts";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";
import { NOTICE_PURPOSE } from "./labels";
import type { NoticeSheet } from "./notice-sheets";

// The printed form of a повістка, one A4 page per notice, drawn like the certificates' PDF
// (@react-pdf/renderer, Inter with its Cyrillic subset, a QR code that opens the public check).
// A notice withdrawn after signing is still drawn — its page says in red that it is withdrawn.

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10, padding: 40, color: "#000000", lineHeight: 1.35 },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 16 },
  issuer: { fontSize: 9, color: "#4b5563" },
  tcc: { fontSize: 11, fontWeight: 700, marginTop: 4 },
  tccAddress: { fontSize: 9, marginTop: 2 },
  qr: { width: 104, height: 104 },
  qrCaption: { fontSize: 7, color: "#4b5563", width: 104, textAlign: "center" },
  title: { fontSize: 20, fontWeight: 700, textAlign: "center", letterSpacing: 2 },
  number: { fontSize: 12, textAlign: "center", marginTop: 4 },
  kind: { fontSize: 11, textAlign: "center", marginTop: 4, marginBottom: 14 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d5dde6", paddingVertical: 4 },
  label: { width: "34%", color: "#4b5563" },
  value: { width: "66%" },
  paragraph: { marginTop: 12, textAlign: "justify" },
  basis: { marginTop: 10, fontSize: 8.5, color: "#374151" },
  signature: { marginTop: 22, flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" },
  kep: { borderWidth: 1, borderColor: "#1f4e79", color: "#1f4e79", padding: 6, fontSize: 9, width: 210 },
  stamp: { marginTop: 16, borderWidth: 2, borderColor: "#b91c1c", color: "#b91c1c", padding: 8 },
  stampTitle: { fontSize: 22, fontWeight: 700, textAlign: "center", letterSpacing: 3 },
  footer: { position: "absolute", bottom: 28, left: 40, right: 40, fontSize: 7.5, color: "#4b5563" },
});

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function Rows({ rows }: { rows: Array<[string, string]> }) {
  return rows.map(([label, value]) => (
    <View key={label} style={styles.row} wrap={false}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  ));
}

function NoticePage({ sheet, qr }: { sheet: NoticeSheet; qr: NoticeQr }) {
  const [appearDate, appearTime] = formatDateTime(sheet.appearAt).split(" ") as [string, string];
  const person: Array<[string, string]> = [["Прізвище, ім'я, по батькові", sheet.person.fullName]];
  if (sheet.person.birthYear) person.push(["Рік народження", String(sheet.person.birthYear)]);
  if (sheet.person.address) person.push(["Адреса", sheet.person.address]);
  return (
    <Page size="A4" style={styles.page}>
      <View style={styles.header}>
        <View style={{ flexGrow: 1, flexShrink: 1, paddingRight: 16 }}>
          <Text style={styles.issuer}>Міністерство оборони України</Text>
          <Text style={styles.tcc}>{sheet.tcc.name}</Text>
          {sheet.tcc.address ? <Text style={styles.tccAddress}>{sheet.tcc.address}</Text> : null}
        </View>
        <View>
          <Svg viewBox={`0 0 ${qr.size} ${qr.size}`} style={styles.qr}>
            <Path d={qr.path} fill="#000000" />
          </Svg>
          <Text style={styles.qrCaption}>Скануйте, щоб перевірити повістку</Text>
        </View>
      </View>
      <Text style={styles.title}>ПОВІСТКА</Text>
      <Text style={styles.number}>
        № {sheet.number} від {formatInstantDate(sheet.formedAt)}
      </Text>
      <Text style={styles.kind}>{NOTICE_KIND_LABELS[sheet.kind]}</Text>
      <Rows rows={person} />
      <Text style={styles.paragraph}>
        Відповідно до законодавства України Вам необхідно з&apos;явитися {appearDate} о {appearTime} за адресою:{" "}
        {sheet.place} — {NOTICE_PURPOSE[sheet.kind]}.
      </Text>
      <View style={{ marginTop: 8 }}>
        <Rows
          rows={[
            ["Дата та час явки", `${appearDate} о ${appearTime}`],
            ["Місце явки", sheet.place],
            ["Мета", lowerFirst(NOTICE_KIND_LABELS[sheet.kind])],
          ]}
        />
      </View>
      <Text style={styles.paragraph}>
        При собі мати: паспорт громадянина України (або інший документ, що посвідчує особу), військово-обліковий
        документ, документ про РНОКПП. У разі неявки без поважних причин настає відповідальність, встановлена законом.
      </Text>
      <Text style={styles.basis}>Підстава: {sheet.legalBasis}.</Text>
      <View style={styles.signature} wrap={false}>
        <View>
          <Text>Начальник {sheet.tcc.name}</Text>
          <Text style={{ fontWeight: 700, marginTop: 2 }}>{sheet.signer.name}</Text>
        </View>
        <View style={styles.kep}>
          <Text style={{ fontWeight: 700 }}>Підписано КЕП</Text>
          <Text>{formatDateTime(sheet.signer.signedAt)}</Text>
          <Text>Підписувач: {sheet.signer.name}</Text>
        </View>
      </View>
      {sheet.withdrawn ? (
        <View style={styles.stamp} wrap={false}>
          <Text style={styles.stampTitle}>ВІДКЛИКАНО</Text>
          <Text style={{ marginTop: 4, textAlign: "center" }}>
            Повістку відкликано {formatDateTime(sheet.withdrawn.at)}. З&apos;являтися за нею не потрібно.
          </Text>
          {sheet.withdrawn.reason ? (
            <Text style={{ textAlign: "center" }}>Причина: {sheet.withdrawn.reason}</Text>
          ) : null}
        </View>
      ) : null}
      <View style={styles.footer} fixed>
        <Text>Перевірити дійсність повістки: {sheet.verifyUrl}</Text>
        <Text>
          Повістку вручають особисто під підпис або надсилають рекомендованим листом; повідомлення в застосунках не є
          врученням повістки.
        </Text>
      </View>
    </Page>
  );
}

export type NoticeQr = { size: number; path: string };

/**
 * The QR code of `url` as vector runs of dark modules (error correction M, a quiet zone of one
 * module): a path of a few kilobytes prints sharp at any size, where a PNG per page made a
 * batch's PDF 120 KB a page and slow to draw.
 */
export function noticeQr(url: string): NoticeQr {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const margin = 1;
  const runs: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      const start = x;
      while (x + 1 < modules.size && modules.get(y, x + 1)) x++;
      runs.push(`M${start + margin} ${y + margin}h${x - start + 1}v1h-${x - start + 1}z`);
    }
  }
  return { size: modules.size + 2 * margin, path: runs.join("") };
}

/** One page per sheet, in the given order. */
export async function drawNoticesPdf(sheets: readonly NoticeSheet[], title: string): Promise<Buffer> {
  await registerPdfFonts();
  const qrs = sheets.map((sheet) => noticeQr(sheet.verifyUrl));
  const document = (
    <Document title={title} author={sheets[0]?.tcc.name ?? "ТЦК та СП"} language="uk" creator="Броня" producer="Броня">
      {sheets.map((sheet, index) => (
        <NoticePage key={sheet.number} sheet={sheet} qr={qrs[index]!} />
      ))}
    </Document>
  );
  return renderToBuffer(document);
}
