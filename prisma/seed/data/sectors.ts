// Sectors of the economy the seed spreads enterprises over: КВЕД-2010 classes with their
// official names, the body that decides on critical status for the sector, how likely such an
// enterprise is to be critical, name templates by legal form, and a salary level.

export type LegalForm = "ТОВ" | "ПрАТ" | "АТ" | "ДП" | "КП" | "КНП" | "ПП" | "ФГ" | "СВК" | "РО";

export const LEGAL_FORMS: Record<LegalForm, { full: string; ownership: "STATE" | "COMMUNAL" | "PRIVATE" | "COLLECTIVE" | "RELIGIOUS" }> = {
  ТОВ: { full: "Товариство з обмеженою відповідальністю", ownership: "PRIVATE" },
  ПрАТ: { full: "Приватне акціонерне товариство", ownership: "PRIVATE" },
  АТ: { full: "Акціонерне товариство", ownership: "PRIVATE" },
  ДП: { full: "Державне підприємство", ownership: "STATE" },
  КП: { full: "Комунальне підприємство", ownership: "COMMUNAL" },
  КНП: { full: "Комунальне некомерційне підприємство", ownership: "COMMUNAL" },
  ПП: { full: "Приватне підприємство", ownership: "PRIVATE" },
  ФГ: { full: "Фермерське господарство", ownership: "PRIVATE" },
  СВК: { full: "Сільськогосподарський виробничий кооператив", ownership: "COLLECTIVE" },
  РО: { full: "Релігійна організація", ownership: "RELIGIOUS" },
};

/**
 * Placeholders: {adjM} {adjF} {adjN} town adjective (Білоцерківський/-а/-е), {town}, {word} a
 * brand word, {tech} a tech brand, {guard} a defence brand, {surname}, {n} a number.
 */
export type NameTemplate = readonly [form: LegalForm, template: string, weight: number];

export type Sector = {
  key: string;
  kved: string;
  kvedName: string;
  section: string;
  /** Authority codes (see authorities.ts) that decide for this sector. */
  authorities: ReadonlyArray<string>;
  weight: number;
  /** Relative chance of being critical. */
  criticalWeight: number;
  salaryMedian: number;
  names: ReadonlyArray<NameTemplate>;
  positions: ReadonlyArray<readonly [title: string, salaryFactor: number, weight: number]>;
  diiaCityShare?: number;
  /** Defence-industry limit category for critical ones. */
  defence?: "DEFENCE_100" | "DRONE_WEAPONS_100" | "EITHER";
  lifeSupport?: boolean;
  medical?: boolean;
};

const OFFICE: Sector["positions"] = [
  ["Головний бухгалтер", 1.6, 1], ["Бухгалтер", 1.0, 3], ["Економіст", 1.1, 2], ["Юрисконсульт", 1.2, 1],
  ["Фахівець з питань персоналу", 1.0, 1], ["Менеджер з постачання", 1.1, 2], ["Заступник директора", 1.9, 1],
  ["Водій автотранспортних засобів", 0.9, 3], ["Охоронник", 0.7, 2], ["Прибиральник службових приміщень", 0.6, 2],
  ["Комірник", 0.8, 2],
];
const WORKSHOP: Sector["positions"] = [
  ["Інженер-технолог", 1.3, 4], ["Інженер-конструктор", 1.4, 3], ["Майстер дільниці", 1.3, 3], ["Токар", 1.1, 6],
  ["Фрезерувальник", 1.1, 5], ["Слюсар-складальник", 1.0, 8], ["Електрозварник", 1.1, 5], ["Електромонтер", 1.0, 4],
  ["Контролер якості", 1.0, 3], ["Оператор верстатів з ЧПК", 1.2, 5], ["Наладчик устаткування", 1.1, 3],
  ["Підсобний робітник", 0.7, 3], ["Начальник цеху", 1.8, 1],
];
const with_ = (...lists: Sector["positions"][]) => lists.flat();

export const SECTORS: ReadonlyArray<Sector> = [
  // Sectors of the fixed enterprises only (weight 0: never drawn at random).
  { key: "turbines", kved: "28.11", kvedName: "Виробництво двигунів і турбін, крім авіаційних, автотранспортних і мотоциклетних двигунів", section: "C", authorities: ["mineconomy"], weight: 0, criticalWeight: 0, salaryMedian: 32_000,
    names: [], positions: with_(OFFICE, WORKSHOP, [["Інженер-конструктор турбін", 1.5, 4], ["Випробувач двигунів", 1.2, 3], ["Програміст систем керування", 1.6, 2]]) },
  { key: "rail", kved: "49.20", kvedName: "Вантажний залізничний транспорт", section: "H", authorities: ["minrozvytku"], weight: 0, criticalWeight: 0, salaryMedian: 23_000, lifeSupport: true,
    names: [], positions: with_(OFFICE, [["Машиніст електровоза", 1.4, 5], ["Помічник машиніста", 1.1, 5], ["Монтер колії", 0.9, 8], ["Оглядач вагонів", 0.9, 4], ["Черговий по станції", 1.1, 3], ["Складач поїздів", 1.0, 3]]) },
  { key: "grain", kved: "01.11", kvedName: "Вирощування зернових культур (крім рису), бобових культур і насіння олійних культур", section: "A", authorities: ["mineconomy"], weight: 7, criticalWeight: 0.35, salaryMedian: 17_000,
    names: [["ТОВ", "{word}-Агро", 3], ["ТОВ", "Агрофірма {word}", 3], ["ФГ", "{word}", 2], ["СВК", "{word}", 1], ["ПрАТ", "{adjM} агрокомбінат", 1]],
    positions: with_(OFFICE, [["Агроном", 1.3, 3], ["Тракторист-машиніст", 1.1, 8], ["Механізатор", 1.0, 6], ["Інженер-механік", 1.2, 2], ["Робітник рослинництва", 0.7, 6]]) },
  { key: "dairy", kved: "01.41", kvedName: "Розведення великої рогатої худоби молочних порід", section: "A", authorities: ["mineconomy"], weight: 3, criticalWeight: 0.3, salaryMedian: 15_500,
    names: [["ТОВ", "Молочна ферма {word}", 2], ["ФГ", "{word}", 2], ["ПП", "{surname}-Агро", 1]],
    positions: with_(OFFICE, [["Зоотехнік", 1.2, 2], ["Ветеринарний лікар", 1.3, 1], ["Оператор машинного доїння", 0.9, 6], ["Тваринник", 0.8, 6]]) },
  { key: "food", kved: "10.51", kvedName: "Перероблення молока, виробництво масла та сиру", section: "C", authorities: ["mineconomy"], weight: 3, criticalWeight: 0.3, salaryMedian: 18_000,
    names: [["ПрАТ", "{adjM} молокозавод", 2], ["ТОВ", "Сироварня {word}", 1], ["ТОВ", "{word} Молоко", 1]],
    positions: with_(OFFICE, [["Апаратник пастеризації", 1.0, 5], ["Сировар", 1.1, 4], ["Лаборант хімічного аналізу", 0.9, 2], ["Технолог харчового виробництва", 1.2, 2]]) },
  { key: "bakery", kved: "10.71", kvedName: "Виробництво хліба та хлібобулочних виробів; виробництво борошняних кондитерських виробів, тортів і тістечок нетривалого зберігання", section: "C", authorities: ["mineconomy"], weight: 3, criticalWeight: 0.25, salaryMedian: 16_000,
    names: [["ПрАТ", "{adjM} хлібокомбінат", 2], ["ТОВ", "Пекарня {word}", 2], ["КП", "{adjM} хлібозавод", 1]],
    positions: with_(OFFICE, [["Пекар", 1.0, 8], ["Тістоміс", 0.9, 4], ["Технолог", 1.2, 1], ["Експедитор", 0.9, 2]]) },
  { key: "oil", kved: "10.41", kvedName: "Виробництво олії та тваринних жирів", section: "C", authorities: ["mineconomy"], weight: 1.5, criticalWeight: 0.5, salaryMedian: 22_000,
    names: [["ПрАТ", "{adjM} олійноекстракційний завод", 2], ["ТОВ", "{word} Олія", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Апаратник екстрагування", 1.1, 5]]) },
  { key: "coal", kved: "05.10", kvedName: "Добування кам'яного вугілля", section: "B", authorities: ["minenergy"], weight: 0.8, criticalWeight: 0.9, salaryMedian: 27_000,
    names: [["ДП", "Шахта {word}", 2], ["ДП", "{adjM} вугільна компанія", 1]],
    positions: with_(OFFICE, [["Гірник очисного вибою", 1.4, 8], ["Прохідник", 1.3, 5], ["Машиніст гірничих виймальних машин", 1.3, 4], ["Гірничий майстер", 1.5, 2], ["Електрослюсар підземний", 1.2, 4]]) },
  { key: "ore", kved: "07.10", kvedName: "Добування залізних руд", section: "B", authorities: ["mineconomy"], weight: 0.7, criticalWeight: 0.8, salaryMedian: 30_000,
    names: [["ПрАТ", "{adjM} гірничо-збагачувальний комбінат", 1], ["ТОВ", "{adjM} гранітний кар'єр", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Машиніст екскаватора", 1.3, 4], ["Гірник", 1.2, 5]]) },
  { key: "steel", kved: "24.10", kvedName: "Виробництво чавуну, сталі та феросплавів", section: "C", authorities: ["mineconomy"], weight: 1, criticalWeight: 0.8, salaryMedian: 29_000,
    names: [["ПрАТ", "{adjM} металургійний завод", 1], ["ТОВ", "{adjM} ливарний завод", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Сталевар", 1.4, 4], ["Горновий доменної печі", 1.4, 3], ["Вальцювальник", 1.2, 3]]) },
  { key: "fertiliser", kved: "20.15", kvedName: "Виробництво добрив і азотних сполук", section: "C", authorities: ["mineconomy"], weight: 0.7, criticalWeight: 0.6, salaryMedian: 26_000,
    names: [["ПрАТ", "{adjM} хімічний завод", 1], ["ТОВ", "{word}Хім", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Апаратник синтезу", 1.2, 5], ["Лаборант хімічного аналізу", 0.9, 2]]) },
  { key: "pharma", kved: "21.20", kvedName: "Виробництво фармацевтичних препаратів і матеріалів", section: "C", authorities: ["mineconomy"], weight: 1, criticalWeight: 0.55, salaryMedian: 27_000,
    names: [["ПрАТ", "Фармацевтична фабрика {word}", 1], ["ТОВ", "{word}Фарм", 2]],
    positions: with_(OFFICE, [["Провізор-аналітик", 1.3, 3], ["Оператор технологічних процесів", 1.1, 6], ["Мікробіолог", 1.2, 2], ["Технолог", 1.3, 2]]) },
  { key: "weapons", kved: "25.40", kvedName: "Виробництво зброї та боєприпасів", section: "C", authorities: ["mod"], weight: 1.5, criticalWeight: 3, salaryMedian: 36_000, defence: "EITHER",
    names: [["ТОВ", "{guard} Дефенс", 2], ["ДП", "{adjM} механічний завод", 1], ["ТОВ", "Виробнича компанія {guard}", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Снаряджальник боєприпасів", 1.2, 4], ["Інженер з якості", 1.4, 2]]) },
  { key: "drones", kved: "30.30", kvedName: "Виробництво повітряних і космічних літальних апаратів, супутнього устатковання", section: "C", authorities: ["mod"], weight: 2, criticalWeight: 3, salaryMedian: 40_000, defence: "DRONE_WEAPONS_100",
    names: [["ТОВ", "{guard} Аеросистеми", 2], ["ТОВ", "Крило {guard}", 1], ["ТОВ", "{tech} Дрон Лаб", 1]],
    positions: with_(OFFICE, [["Інженер-розробник БпЛА", 1.6, 4], ["Складальник БпЛА", 1.0, 8], ["Інженер-програміст вбудованих систем", 1.7, 3], ["Оператор-випробувач БпЛА", 1.3, 3], ["Монтажник радіоелектронної апаратури", 1.1, 4]]) },
  { key: "military-vehicles", kved: "30.40", kvedName: "Виробництво військових транспортних засобів", section: "C", authorities: ["mod"], weight: 0.6, criticalWeight: 3, salaryMedian: 34_000, defence: "DEFENCE_100",
    names: [["ДП", "{adjM} бронетанковий ремонтний завод", 1], ["ТОВ", "{guard} Моторс", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Слюсар з ремонту бронетехніки", 1.2, 6]]) },
  { key: "navigation", kved: "26.51", kvedName: "Виробництво інструментів і обладнання для вимірювання, дослідження та навігації", section: "C", authorities: ["mod", "mineconomy"], weight: 0.8, criticalWeight: 1.5, salaryMedian: 33_000, defence: "DEFENCE_100",
    names: [["ТОВ", "{tech} Навігація", 1], ["ПрАТ", "{adjM} приладобудівний завод", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Інженер-електронік", 1.5, 4], ["Регулювальник радіоапаратури", 1.1, 4]]) },
  { key: "machinery", kved: "28.30", kvedName: "Виробництво машин і устатковання для сільського та лісового господарства", section: "C", authorities: ["mineconomy"], weight: 2, criticalWeight: 0.45, salaryMedian: 24_000,
    names: [["ПрАТ", "{adjM} завод сільськогосподарського машинобудування", 1], ["ТОВ", "{word} Техніка", 1]],
    positions: with_(OFFICE, WORKSHOP) },
  { key: "electrical", kved: "27.11", kvedName: "Виробництво електродвигунів, генераторів і трансформаторів", section: "C", authorities: ["mineconomy"], weight: 1.5, criticalWeight: 0.6, salaryMedian: 25_000,
    names: [["ПрАТ", "{adjM} електромашинобудівний завод", 1], ["ТОВ", "{word} Електро", 1]],
    positions: with_(OFFICE, WORKSHOP, [["Обмотувальник елементів електричних машин", 1.0, 5]]) },
  { key: "cranes", kved: "28.22", kvedName: "Виробництво підіймального та вантажно-розвантажувального устатковання", section: "C", authorities: ["mineconomy"], weight: 1, criticalWeight: 0.4, salaryMedian: 23_000,
    names: [["ПрАТ", "{adjM} кранобудівний завод", 1], ["ТОВ", "{word} Підйомні машини", 1]],
    positions: with_(OFFICE, WORKSHOP) },
  { key: "power-generation", kved: "35.11", kvedName: "Виробництво електроенергії", section: "D", authorities: ["minenergy"], weight: 1.5, criticalWeight: 1.5, salaryMedian: 30_000, lifeSupport: true,
    names: [["ТОВ", "Сонячна електростанція {word}", 2], ["ТОВ", "{word} Енергогенерація", 1], ["ПрАТ", "{adjF} ТЕЦ", 1]],
    positions: with_(OFFICE, [["Машиніст енергоблоку", 1.3, 4], ["Електромонтер з обслуговування підстанцій", 1.1, 5], ["Інженер-енергетик", 1.4, 4], ["Черговий інженер станції", 1.3, 3]]) },
  { key: "power-distribution", kved: "35.13", kvedName: "Розподілення електроенергії", section: "D", authorities: ["minenergy"], weight: 1.5, criticalWeight: 1.5, salaryMedian: 28_000, lifeSupport: true,
    names: [["ПрАТ", "{adjM} регіональний енергорозподіл", 1], ["ТОВ", "{adjF} мережева компанія", 1]],
    positions: with_(OFFICE, [["Електромонтер з ремонту повітряних ліній", 1.1, 8], ["Диспетчер енергорозподілу", 1.2, 3], ["Інженер-енергетик", 1.4, 3]]) },
  { key: "gas", kved: "35.22", kvedName: "Розподілення газоподібного палива через місцеві (локальні) трубопроводи", section: "D", authorities: ["minenergy"], weight: 1, criticalWeight: 1.2, salaryMedian: 25_000, lifeSupport: true,
    names: [["АТ", "{adjM} газорозподіл", 1]],
    positions: with_(OFFICE, [["Слюсар аварійно-відновлювальних робіт", 1.1, 8], ["Інженер газового господарства", 1.3, 3]]) },
  { key: "heat", kved: "35.30", kvedName: "Постачання пари, гарячої води та кондиційованого повітря", section: "D", authorities: ["minenergy", "minrozvytku"], weight: 1.2, criticalWeight: 1.2, salaryMedian: 19_000, lifeSupport: true,
    names: [["КП", "{adjN} теплокомуненерго", 1], ["КП", "Теплоенерго {town}", 1]],
    positions: with_(OFFICE, [["Оператор котельні", 0.9, 8], ["Слюсар з ремонту теплових мереж", 1.0, 6], ["Інженер-теплотехнік", 1.2, 2]]) },
  { key: "water", kved: "36.00", kvedName: "Забір, очищення та постачання води", section: "E", authorities: ["minrozvytku"], weight: 1.3, criticalWeight: 1.2, salaryMedian: 17_000, lifeSupport: true,
    names: [["КП", "{adjM} водоканал", 1]],
    positions: with_(OFFICE, [["Слюсар аварійно-відновлювальних робіт", 1.0, 8], ["Машиніст насосних установок", 0.9, 6], ["Лаборант хімічного аналізу", 0.8, 2]]) },
  { key: "waste", kved: "38.11", kvedName: "Збирання безпечних відходів", section: "E", authorities: ["minrozvytku"], weight: 0.8, criticalWeight: 0.5, salaryMedian: 15_000,
    names: [["КП", "{adjM} спецкомбінат", 1], ["ТОВ", "{word} Еко", 1]],
    positions: with_(OFFICE, [["Водій сміттєвоза", 1.0, 6], ["Робітник з благоустрою", 0.7, 6]]) },
  { key: "construction", kved: "41.20", kvedName: "Будівництво житлових і нежитлових будівель", section: "F", authorities: ["minrozvytku"], weight: 4, criticalWeight: 0.25, salaryMedian: 22_000,
    names: [["ТОВ", "{word}буд", 2], ["ТОВ", "Будівельна компанія {word}", 2], ["ПрАТ", "{adjM} домобудівний комбінат", 1]],
    positions: with_(OFFICE, [["Муляр", 1.0, 6], ["Монтажник", 1.0, 6], ["Виконроб", 1.4, 2], ["Інженер-кошторисник", 1.2, 1], ["Машиніст крана", 1.2, 2]]) },
  { key: "roads", kved: "42.11", kvedName: "Будівництво доріг і автострад", section: "F", authorities: ["minrozvytku"], weight: 1.5, criticalWeight: 0.6, salaryMedian: 24_000,
    names: [["ТОВ", "{word}шляхбуд", 1], ["ДП", "{adjF} дорожня компанія", 1]],
    positions: with_(OFFICE, [["Асфальтобетонник", 1.0, 6], ["Машиніст катка", 1.1, 3], ["Дорожній робітник", 0.9, 6]]) },
  { key: "retail", kved: "47.11", kvedName: "Роздрібна торгівля в неспеціалізованих магазинах переважно продуктами харчування, напоями та тютюновими виробами", section: "G", authorities: ["mineconomy"], weight: 6, criticalWeight: 0.12, salaryMedian: 16_000,
    names: [["ТОВ", "Торговий дім {word}", 2], ["ТОВ", "Мережа магазинів {word}", 2], ["ПП", "{surname}", 1]],
    positions: with_(OFFICE, [["Продавець-консультант", 0.8, 8], ["Касир торговельного залу", 0.8, 6], ["Завідувач магазину", 1.3, 2], ["Мерчандайзер", 0.8, 3]]) },
  { key: "wholesale", kved: "46.21", kvedName: "Оптова торгівля зерном, необробленим тютюном, насінням і кормами для тварин", section: "G", authorities: ["mineconomy"], weight: 2, criticalWeight: 0.35, salaryMedian: 23_000,
    names: [["ТОВ", "{word} Трейд", 2], ["ТОВ", "Зернотрейдер {word}", 1]],
    positions: with_(OFFICE, [["Менеджер зовнішньоекономічної діяльності", 1.4, 3], ["Лаборант елеватора", 0.9, 2], ["Оператор елеватора", 1.0, 4]]) },
  { key: "fuel", kved: "47.30", kvedName: "Роздрібна торгівля пальним", section: "G", authorities: ["mineconomy"], weight: 1.5, criticalWeight: 0.5, salaryMedian: 18_000,
    names: [["ТОВ", "Мережа АЗС {word}", 1], ["ТОВ", "{word} Ойл", 1]],
    positions: with_(OFFICE, [["Оператор заправних станцій", 0.9, 8], ["Старший оператор АЗС", 1.0, 2]]) },
  { key: "trucking", kved: "49.41", kvedName: "Вантажний автомобільний транспорт", section: "H", authorities: ["minrozvytku"], weight: 3, criticalWeight: 0.35, salaryMedian: 23_000,
    names: [["ТОВ", "{word} Логістик", 2], ["ТОВ", "Транспортна компанія {word}", 1], ["ПрАТ", "{adjM} автотранспортний парк", 1]],
    positions: with_(OFFICE, [["Водій вантажного автомобіля", 1.1, 10], ["Диспетчер автотранспорту", 1.0, 2], ["Автослюсар", 0.9, 3]]) },
  { key: "city-transport", kved: "49.31", kvedName: "Пасажирський наземний транспорт міського та приміського сполучення", section: "H", authorities: ["minrozvytku"], weight: 1, criticalWeight: 0.8, salaryMedian: 19_000, lifeSupport: true,
    names: [["КП", "{adjN} трамвайно-тролейбусне управління", 1], ["КП", "{adjN} автобусне підприємство", 1]],
    positions: with_(OFFICE, [["Водій трамвая", 1.0, 6], ["Водій тролейбуса", 1.0, 6], ["Водій автобуса", 1.0, 6], ["Кондуктор", 0.7, 3]]) },
  { key: "warehousing", kved: "52.10", kvedName: "Складське господарство", section: "H", authorities: ["minrozvytku"], weight: 1.5, criticalWeight: 0.25, salaryMedian: 18_000,
    names: [["ТОВ", "{word} Склад", 1], ["ТОВ", "Логістичний центр {word}", 1]],
    positions: with_(OFFICE, [["Комплектувальник", 0.8, 8], ["Водій навантажувача", 0.9, 4]]) },
  { key: "post", kved: "53.20", kvedName: "Інша поштова та кур'єрська діяльність", section: "H", authorities: ["minrozvytku"], weight: 1, criticalWeight: 0.4, salaryMedian: 19_000,
    names: [["ТОВ", "Кур'єрська служба {word}", 1], ["ТОВ", "{word} Експрес", 1]],
    positions: with_(OFFICE, [["Кур'єр", 0.8, 8], ["Оператор відділення", 0.8, 5], ["Сортувальник поштових відправлень", 0.8, 4]]) },
  { key: "software", kved: "62.01", kvedName: "Комп'ютерне програмування", section: "J", authorities: ["mincyfra"], weight: 5, criticalWeight: 0.35, salaryMedian: 65_000, diiaCityShare: 0.6,
    names: [["ТОВ", "{tech}", 3], ["ТОВ", "{tech} Україна", 1], ["ТОВ", "{tech} Софт", 1]],
    positions: [["Розробник програмного забезпечення", 1.2, 10], ["Інженер з тестування", 0.8, 4], ["Керівник проєкту", 1.3, 2], ["Бізнес-аналітик", 1.0, 2], ["Інженер DevOps", 1.3, 2], ["Дизайнер інтерфейсів", 0.9, 2], ["Бухгалтер", 0.4, 1], ["Фахівець з підбору персоналу", 0.5, 1]] },
  { key: "it-consulting", kved: "62.02", kvedName: "Консультування з питань інформатизації", section: "J", authorities: ["mincyfra"], weight: 1.5, criticalWeight: 0.3, salaryMedian: 55_000, diiaCityShare: 0.5,
    names: [["ТОВ", "{tech} Консалтинг", 1], ["ТОВ", "{tech} Системи", 1]],
    positions: [["Системний архітектор", 1.4, 2], ["Консультант з впровадження", 1.0, 5], ["Системний адміністратор", 0.7, 3], ["Бухгалтер", 0.4, 1]] },
  { key: "telecom", kved: "61.10", kvedName: "Діяльність у сфері проводового електрозв'язку", section: "J", authorities: ["mincyfra"], weight: 1.5, criticalWeight: 1, salaryMedian: 29_000, lifeSupport: true,
    names: [["ТОВ", "{word}Нет", 2], ["ПрАТ", "{word}телеком", 1]],
    positions: with_(OFFICE, [["Монтажник зв'язку", 1.0, 8], ["Інженер мереж зв'язку", 1.3, 4], ["Оператор контакт-центру", 0.7, 3]]) },
  { key: "bank", kved: "64.19", kvedName: "Інші види грошового посередництва", section: "K", authorities: ["minfin"], weight: 1, criticalWeight: 0.6, salaryMedian: 36_000,
    names: [["АТ", "Банк {word}", 1], ["АТ", "{word} Банк", 1]],
    positions: with_(OFFICE, [["Кредитний аналітик", 1.2, 3], ["Операціоніст", 0.8, 6], ["Фахівець з фінансового моніторингу", 1.2, 2], ["Інкасатор", 0.9, 2]]) },
  { key: "insurance", kved: "65.12", kvedName: "Інші види страхування, крім страхування життя", section: "K", authorities: ["minfin"], weight: 0.8, criticalWeight: 0.25, salaryMedian: 27_000,
    names: [["ПрАТ", "Страхова компанія {word}", 1]],
    positions: with_(OFFICE, [["Страховий агент", 0.9, 6], ["Аварійний комісар", 1.0, 2]]) },
  { key: "hospital", kved: "86.10", kvedName: "Діяльність лікарняних закладів", section: "Q", authorities: ["moz"], weight: 4, criticalWeight: 1.1, salaryMedian: 17_000, medical: true,
    names: [["КНП", "{adjF} міська лікарня № {n}", 3], ["КНП", "{adjF} багатопрофільна лікарня", 1], ["КНП", "{adjF} центральна районна лікарня", 2], ["ТОВ", "Медичний центр {word}", 1]],
    positions: [["Лікар-хірург", 1.4, 3], ["Лікар-терапевт", 1.2, 4], ["Лікар-анестезіолог", 1.5, 2], ["Лікар-травматолог", 1.4, 2], ["Медична сестра", 0.9, 12], ["Фельдшер", 0.9, 3], ["Молодша медична сестра", 0.6, 5], ["Головний лікар", 2, 0.3], ["Бухгалтер", 0.9, 1], ["Водій автомобіля швидкої допомоги", 0.9, 2]] },
  { key: "primary-care", kved: "86.21", kvedName: "Загальна медична практика", section: "Q", authorities: ["moz"], weight: 1.5, criticalWeight: 0.7, salaryMedian: 18_000, medical: true,
    names: [["КНП", "{adjM} центр первинної медико-санітарної допомоги", 2], ["ТОВ", "Сімейна клініка {word}", 1]],
    positions: [["Лікар загальної практики — сімейний лікар", 1.3, 6], ["Лікар-педіатр", 1.2, 2], ["Медична сестра загальної практики", 0.9, 8], ["Реєстратор медичний", 0.6, 2]] },
  { key: "social-care", kved: "87.30", kvedName: "Надання послуг догляду із забезпеченням проживання для осіб похилого віку та осіб з інвалідністю", section: "Q", authorities: ["minsoc"], weight: 0.6, criticalWeight: 0.4, salaryMedian: 12_000,
    names: [["КП", "{adjM} геріатричний пансіонат", 1], ["КП", "{adjM} центр надання соціальних послуг", 1]],
    positions: [["Соціальний робітник", 0.9, 8], ["Доглядальник", 0.8, 6], ["Медична сестра", 0.9, 3], ["Кухар", 0.8, 2]] },
  { key: "research", kved: "72.19", kvedName: "Дослідження й експериментальні розробки у сфері інших природничих і технічних наук", section: "M", authorities: ["mon", "mod"], weight: 0.8, criticalWeight: 0.7, salaryMedian: 21_000,
    names: [["ДП", "{adjM} науково-дослідний інститут машинобудування", 1], ["ДП", "Конструкторське бюро {word}", 1]],
    positions: with_(OFFICE, [["Науковий співробітник", 1.1, 6], ["Провідний інженер", 1.3, 4], ["Інженер-конструктор", 1.2, 4]]) },
  { key: "engineering", kved: "71.12", kvedName: "Діяльність у сфері інжинірингу, геології та геодезії, надання послуг технічного консультування в цих сферах", section: "M", authorities: ["mineconomy"], weight: 1.5, criticalWeight: 0.3, salaryMedian: 26_000,
    names: [["ТОВ", "Проєктний інститут {word}проєкт", 1], ["ТОВ", "{word} Інжиніринг", 1]],
    positions: with_(OFFICE, [["Інженер-проєктувальник", 1.3, 6], ["Геодезист", 1.1, 2], ["Головний інженер проєкту", 1.6, 1]]) },
  { key: "security", kved: "80.10", kvedName: "Діяльність приватних охоронних служб", section: "N", authorities: ["mineconomy"], weight: 1.5, criticalWeight: 0.2, salaryMedian: 14_000,
    names: [["ТОВ", "Охоронна компанія {guard}", 1], ["ТОВ", "{guard} Секьюріті", 1]],
    positions: with_(OFFICE, [["Охоронник", 1.0, 10], ["Старший групи реагування", 1.2, 3]]) },
  { key: "restaurants", kved: "56.10", kvedName: "Діяльність ресторанів, надання послуг мобільного харчування", section: "I", authorities: ["mineconomy"], weight: 2.5, criticalWeight: 0.05, salaryMedian: 14_000,
    names: [["ТОВ", "Кав'ярня {word}", 2], ["ТОВ", "{word} Фуд", 1], ["ПП", "Ресторан {word}", 1]],
    positions: [["Кухар", 1.0, 6], ["Офіціант", 0.8, 6], ["Бариста", 0.8, 4], ["Адміністратор залу", 1.1, 2], ["Мийник посуду", 0.6, 2], ["Бухгалтер", 1.1, 1]] },
  { key: "religious", kved: "94.91", kvedName: "Діяльність релігійних організацій", section: "S", authorities: ["mineconomy"], weight: 0.3, criticalWeight: 0.2, salaryMedian: 10_000,
    names: [["РО", "Парафія Святого Миколая м. {town}", 1], ["РО", "Релігійна громада Святої Покрови м. {town}", 1]],
    positions: [["Паламар", 0.8, 2], ["Бухгалтер", 1.0, 1], ["Сторож", 0.7, 2], ["Регент хору", 0.9, 1]] },
];

export function findSector(key: string): Sector {
  const sector = SECTORS.find((candidate) => candidate.key === key);
  if (!sector) throw new RangeError(`unknown sector: ${key}`);
  return sector;
}

export const BRAND_WORDS: ReadonlyArray<string> = [
  "Поділля", "Слобожанщина", "Таврія", "Полісся", "Карпати", "Дніпро", "Десна", "Світанок", "Колос", "Нива",
  "Врожай", "Зоря", "Обрій", "Вектор", "Прогрес", "Сокіл", "Галичина", "Волинь", "Буковина", "Оріль", "Рось",
  "Інгул", "Сула", "Ворскла", "Стугна", "Степ", "Лан", "Явір", "Берегиня", "Перлина", "Злагода", "Добробут",
  "Кредо", "Альянс", "Меридіан", "Горизонт", "Вертикаль", "Еталон", "Імпульс", "Гарант", "Сяйво", "Зубр",
  "Кристал", "Граніт", "Дельта", "Паритет", "Ятрань", "Смолоскип", "Веселка", "Криниця", "Калина", "Яблуневий цвіт",
  "Золотий колос", "Чумацький шлях", "Вишиванка", "Свіжий вітер", "Тиса", "Черемош", "Прут", "Сіверщина",
];

export const TECH_WORDS: ReadonlyArray<string> = [
  "Кодлайн", "Датабрідж", "Хмарософт", "Сайберлаб", "Нейротек", "Піксельфорж", "Бітвейв", "Квантум Девелопмент",
  "Техностек", "Інфоплюс", "Девгрід", "Кодекс Лабс", "Алгоритміка", "Стеклайн", "Клаудпорт", "Сигнал Тек",
  "Логікс", "Інтелектсофт", "Омегатек", "Вебформа", "Модульні системи", "Кібершляхи", "Даталайн", "Фреймворкс",
];

export const GUARD_WORDS: ReadonlyArray<string> = [
  "Небесний щит", "Беркут", "Перун", "Стрибог", "Грім", "Вихор", "Легіон", "Форпост", "Бастіон", "Рубіж",
  "Фенікс", "Яструб", "Шершень", "Оса", "Кречет", "Булава", "Сапсан", "Вартовий", "Тризуб", "Клинок",
];
