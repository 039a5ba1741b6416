// The enterprises the demo logins belong to, plus Укрзалізниця (the only holder of the 80%
// limit category). Fixed so that documentation, demo scripts and tests can name them.

import type { EnterpriseRow } from "./rows";
import { DEMO_EDRPOU } from "./demo-users";

export type FixedEnterprise = Omit<EnterpriseRow, "headRnokpp"> & {
  fixed: "big" | "small" | "nonCritical" | "ukrzaliznytsia";
  sectorKey: string;
  town: string;
};

export const UKRZALIZNYTSIA_EDRPOU = "40075815";

export const FIXED_ENTERPRISES: ReadonlyArray<FixedEnterprise> = [
  {
    fixed: "big",
    sectorKey: "turbines",
    town: "Дніпро",
    edrpou: DEMO_EDRPOU.big,
    name: "Приватне акціонерне товариство «Дніпровський завод енергетичного машинобудування»",
    shortName: "ПрАТ «Дніпровський завод енергетичного машинобудування»",
    kved: "28.11",
    kvedName: "Виробництво двигунів і турбін, крім авіаційних, автотранспортних і мотоциклетних двигунів",
    region: "Дніпропетровська область",
    address: "Дніпропетровська обл., м. Дніпро, просп. Богдана Хмельницького, 118",
    ownership: "PRIVATE",
    stateShare: 0,
    frontline: false,
    diiaCity: false,
    registeredOn: "2006-07-18",
    liquidatedOn: null,
  },
  {
    fixed: "small",
    sectorKey: "grain",
    town: "Вінниця",
    edrpou: DEMO_EDRPOU.small,
    name: "Товариство з обмеженою відповідальністю «Поділля-Агро»",
    shortName: "ТОВ «Поділля-Агро»",
    kved: "01.11",
    kvedName: "Вирощування зернових культур (крім рису), бобових культур і насіння олійних культур",
    region: "Вінницька область",
    address: "Вінницька обл., м. Вінниця, вул. Гетьмана Сагайдачного, 7",
    ownership: "PRIVATE",
    stateShare: 0,
    frontline: false,
    diiaCity: false,
    registeredOn: "2023-03-15",
    liquidatedOn: null,
  },
  {
    fixed: "nonCritical",
    sectorKey: "restaurants",
    town: "Львів",
    edrpou: DEMO_EDRPOU.nonCritical,
    name: "Товариство з обмеженою відповідальністю «Кавова майстерня Ринок»",
    shortName: "ТОВ «Кавова майстерня Ринок»",
    kved: "56.10",
    kvedName: "Діяльність ресторанів, надання послуг мобільного харчування",
    region: "Львівська область",
    address: "Львівська обл., м. Львів, вул. Замкова, 3",
    ownership: "PRIVATE",
    stateShare: 0,
    frontline: false,
    diiaCity: false,
    registeredOn: "2024-02-20",
    liquidatedOn: null,
  },
  {
    fixed: "ukrzaliznytsia",
    sectorKey: "rail",
    town: "Київ",
    edrpou: UKRZALIZNYTSIA_EDRPOU,
    name: "Акціонерне товариство «Українська залізниця»",
    shortName: "АТ «Укрзалізниця»",
    kved: "49.20",
    kvedName: "Вантажний залізничний транспорт",
    region: "м. Київ",
    address: "м. Київ, вул. Єжи Ґедройця, 5",
    ownership: "STATE",
    stateShare: 100,
    frontline: false,
    diiaCity: false,
    registeredOn: "2015-10-21",
    liquidatedOn: null,
  },
];
