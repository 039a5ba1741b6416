// Bodies that grant critical status: ministries (names as of late 2025, after the July 2025
// merger that formed Мінекономіки, довкілля та сільського господарства and moved the defence
// industry from Мінстратегпром to Міноборони) and regional military administrations.
// ЄДРПОУ: `edrpouKnown` marks codes recalled from public registers and checked against the
// check digit, not looked up in the ЄДР on this offline machine; the others are generated.

export type AuthoritySeed = {
  code: string;
  name: string;
  shortName: string;
  kind: "MINISTRY" | "REGIONAL_ADMINISTRATION";
  /** Fixed code, or null to generate a valid one. */
  edrpou: string | null;
  edrpouKnown: boolean;
  region: string | null;
  kvedSections: string[];
};

const ministry = (
  code: string,
  name: string,
  shortName: string,
  edrpou: string,
  kvedSections: string[],
): AuthoritySeed => ({
  code,
  name,
  shortName,
  kind: "MINISTRY",
  edrpou,
  edrpouKnown: true,
  region: null,
  kvedSections,
});

export const MINISTRIES: ReadonlyArray<AuthoritySeed> = [
  ministry(
    "mineconomy",
    "Міністерство економіки, довкілля та сільського господарства України",
    "Мінекономіки",
    "37508596",
    ["A", "B", "C", "G", "I", "M", "N", "S"],
  ),
  ministry("minenergy", "Міністерство енергетики України", "Міненерго", "37552996", ["B", "D"]),
  ministry("mod", "Міністерство оборони України", "Міноборони", "00034022", ["C", "M"]),
  ministry("moz", "Міністерство охорони здоров'я України", "МОЗ", "00012925", ["Q"]),
  ministry("minrozvytku", "Міністерство розвитку громад та територій України", "Мінрозвитку", "37472062", [
    "D",
    "E",
    "F",
    "H",
    "L",
  ]),
  ministry("mincyfra", "Міністерство цифрової трансформації України", "Мінцифри", "43220275", ["J"]),
  ministry("minfin", "Міністерство фінансів України", "Мінфін", "00013480", ["K"]),
  ministry("minsoc", "Міністерство соціальної політики, сім'ї та єдності України", "Мінсоцполітики", "37567646", ["Q"]),
  ministry("mon", "Міністерство освіти і науки України", "МОН", "38621185", ["P", "M"]),
];

/** Regions whose ОВА is seeded: every frontline one and the largest rear ones. */
const OVA_REGIONS: ReadonlyArray<readonly [code: string, region: string]> = [
  ["ova-kyivska", "Київська область"],
  ["ova-lvivska", "Львівська область"],
  ["ova-odeska", "Одеська область"],
  ["ova-kharkivska", "Харківська область"],
  ["ova-dnipropetrovska", "Дніпропетровська область"],
  ["ova-zaporizka", "Запорізька область"],
  ["ova-mykolaivska", "Миколаївська область"],
  ["ova-sumska", "Сумська область"],
  ["ova-khersonska", "Херсонська область"],
  ["ova-donetska", "Донецька область"],
  ["ova-luhanska", "Луганська область"],
  ["ova-chernihivska", "Чернігівська область"],
];

export const REGIONAL_ADMINISTRATIONS: ReadonlyArray<AuthoritySeed> = OVA_REGIONS.map(([code, region]) => {
  const adjective = region.replace(" область", "");
  return {
    code,
    name: `${adjective} обласна військова адміністрація`,
    shortName: `${adjective} ОВА`,
    kind: "REGIONAL_ADMINISTRATION" as const,
    edrpou: null,
    edrpouKnown: false,
    region,
    kvedSections: [],
  };
});

export const AUTHORITY_SEEDS: ReadonlyArray<AuthoritySeed> = [...MINISTRIES, ...REGIONAL_ADMINISTRATIONS];

export function ovaCodeFor(region: string): string | undefined {
  return OVA_REGIONS.find(([, name]) => name === region)?.[0];
}
