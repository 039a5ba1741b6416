import "server-only";
import { Document, Image, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { formatDate, kyivDate } from "@/lib/format";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/pdf/pdf-fonts";
import { LIABILITY_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/rules/enums";
import type { CertificateFacts } from "./certificate-facts";
import { CERTIFICATE_KIND_INFO } from "./labels";

// A certificate as a PDF drawn by @react-pdf/renderer: Cyrillic text (Inter's static WOFF files
// from @fontsource/inter, as the еВОД's PDF — fontkit cannot subset the WOFF2 files), tables of
// the facts, and a QR code that opens the public check. The bytes rendered here are the bytes
// sealed and stored: the seal covers this exact file.

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10, padding: 36, color: "#000000" },
  issuer: { fontSize: 9, color: "#4b5563", marginBottom: 6 },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 14 },
  title: { fontSize: 16, fontWeight: 700 },
  subtitle: { fontSize: 10, marginTop: 6 },
  qr: { width: 110, height: 110 },
  qrCaption: { fontSize: 7, color: "#4b5563", width: 110, textAlign: "center" },
  section: { fontSize: 11, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d5dde6", paddingVertical: 4 },
  label: { width: "38%", color: "#4b5563" },
  value: { width: "62%" },
  th: { flexDirection: "row", backgroundColor: "#e2ecf4", paddingVertical: 4, fontWeight: 700, fontSize: 9 },
  td: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d5dde6", paddingVertical: 4, fontSize: 9 },
  footer: { marginTop: 18, fontSize: 8, color: "#4b5563", lineHeight: 1.4 },
});

const SERVICE_COLUMNS = [
  ["№", "5%"],
  ["Військова частина", "33%"],
  ["Посада", "20%"],
  ["З", "12%"],
  ["По", "12%"],
  ["Участь підтверджено", "18%"],
] as const;

export type CertificatePdfInput = { number: string; issuedAt: Date; facts: CertificateFacts; verifyUrl: string };

function Rows({ rows }: { rows: Array<[string, string]> }) {
  return rows.map(([label, value]) => (
    <View key={label} style={styles.row} wrap={false}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  ));
}

function Facts({ facts }: { facts: CertificateFacts }) {
  if (facts.kind === "SERVICE_PARTICIPATION") {
    return (
      <>
        <Text style={styles.section}>Періоди військової служби з підтвердженою участю у захисті України</Text>
        <View style={styles.th}>
          {SERVICE_COLUMNS.map(([label, width]) => (
            <Text key={label} style={{ width }}>
              {label}
            </Text>
          ))}
        </View>
        {(facts.service ?? []).map((period, index) => {
          const cells = [
            String(index + 1),
            `${period.unitCode} — ${period.unitName}`,
            period.position,
            formatDate(period.fromDate),
            period.untilDate ? formatDate(period.untilDate) : "по теперішній час",
            formatDate(period.defenceConfirmedOn),
          ];
          return (
            <View key={index} style={styles.td} wrap={false}>
              {cells.map((cell, i) => (
                <Text key={i} style={{ width: SERVICE_COLUMNS[i]![1] }}>
                  {cell}
                </Text>
              ))}
            </View>
          );
        })}
      </>
    );
  }
  if (facts.kind === "MILITARY_REGISTRATION" && facts.registration) {
    const r = facts.registration;
    return (
      <>
        <Text style={styles.section}>Військовий облік</Text>
        <Rows
          rows={[
            ["ТЦК та СП", r.tcc],
            ["Взято на облік", formatDate(r.registeredOn)],
            [
              "Стан обліку",
              REGISTRATION_STATUS_LABELS[r.status as keyof typeof REGISTRATION_STATUS_LABELS] ?? r.status,
            ],
            ["Хто на обліку", LIABILITY_LABELS[r.liability as keyof typeof LIABILITY_LABELS] ?? r.liability],
            ["Категорія обліку", String(r.category)],
            ["Військове звання", r.rank ?? "—"],
            ["ВОС", r.specialty ?? "—"],
          ]}
        />
      </>
    );
  }
  if (facts.kind === "RESERVATION_EXTRACT" && facts.reservation) {
    const r = facts.reservation;
    return (
      <>
        <Text style={styles.section}>Бронювання від призову під час мобілізації</Text>
        <Rows
          rows={[
            ["Підприємство", r.enterpriseName],
            ["Код ЄДРПОУ", r.edrpou],
            ["Заброньовано з", formatDate(r.fromDate)],
            ["Заброньовано до", formatDate(r.untilDate)],
          ]}
        />
      </>
    );
  }
  return null;
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  await registerPdfFonts();
  const { facts } = input;
  const info = CERTIFICATE_KIND_INFO[facts.kind];
  const qr = await QRCode.toDataURL(input.verifyUrl, { errorCorrectionLevel: "M", margin: 1, width: 400 });
  const p = facts.person;
  const document = (
    <Document
      title={`${info.title} ${input.number}`}
      author="Міністерство оборони України"
      language="uk"
      creator="Броня"
      producer="Броня"
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.issuer}>
          Міністерство оборони України · Єдиний державний реєстр призовників, військовозобов'язаних та резервістів
          «Оберіг»
        </Text>
        <View style={styles.header}>
          <View style={{ flexGrow: 1, paddingRight: 16 }}>
            <Text style={styles.title}>{info.title}</Text>
            <Text style={styles.subtitle}>
              № {input.number} від {formatDate(kyivDate(input.issuedAt))}
            </Text>
          </View>
          <View>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image (a PDF, not HTML) has no alt; the caption names it */}
            <Image src={qr} style={styles.qr} />
            <Text style={styles.qrCaption}>Скануйте, щоб перевірити</Text>
          </View>
        </View>
        <Text style={styles.section}>Особа</Text>
        <Rows
          rows={[
            ["Прізвище, ім'я, по батькові", [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" ")],
            ["Дата народження", formatDate(p.birthDate)],
            ["РНОКПП", p.rnokpp],
          ]}
        />
        <Facts facts={facts} />
        <View style={styles.footer}>
          <Text>
            Довідку сформовано з реєстру «Оберіг» і скріплено кваліфікованою електронною печаткою Міністерства оборони
            України (відокремлений підпис CAdES, файл .p7s).
          </Text>
          <Text>Перевірка дійсності й цілісності файлу: {input.verifyUrl}</Text>
          <Text>Довідка недійсна, якщо її відкликано або відомості, які вона містить, у реєстрі змінилися.</Text>
        </View>
      </Page>
    </Document>
  );
  return renderToBuffer(document);
}
