import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";

const AUDIENCES = [
  {
    title: "Керівникам підприємств",
    lead: "Забронюйте працівників за кілька хвилин, а не днів.",
    points: [
      "Усі військовозобов'язані працівники з реєстрів — з позначкою, кого можна бронювати, і причиною, якщо ні",
      "Попередня перевірка заяви до підпису: хто отримає бронь, хто ні і чому, скільки лишиться ліміту",
      "Підпис КЕП просто в браузері — ключ не залишає ваш комп'ютер",
      "Рішення за секунди, з причиною для кожного працівника; анулювання — так само",
    ],
    cta: { href: "/login", label: "Увійти як керівник" },
  },
  {
    title: "Міністерствам і ОВА",
    lead: "Ведіть перелік критично важливих підприємств своєї галузі чи області.",
    points: [
      "Рішення про критичність за ЄДРПОУ з перевіркою критеріїв і ліміту",
      "Продовження, зміна ліміту, скасування — кожне з підписом КЕП і причиною",
      "Масовий імпорт рішень із CSV з перевіркою кожного рядка до збереження",
      "Аналітика бронювань за підприємствами, регіонами, причинами відмов",
    ],
    cta: { href: "/login", label: "Увійти як посадова особа" },
  },
  {
    title: "Військовозобов'язаним",
    lead: "Бачте свій облік і бронювання так, як їх бачить реєстр.",
    points: [
      "Статус у реєстрі «Оберіг», ТЦК, ВЛК і дата останнього уточнення даних",
      "Бронювання: підприємство, строк і історія змін, сповіщення про кожну",
      "еВОД з QR-кодом, який ТЦК перевіряє за секунду",
      "Відгук на вакансію військової частини у два кліки",
    ],
    cta: { href: "/login", label: "Увійти до кабінету" },
  },
];

export default function LandingPage() {
  return (
    <div className="space-y-10">
      <section className="card grid gap-6 sm:grid-cols-[1.4fr_1fr] sm:items-center sm:p-10">
        <div>
          <p className="text-sm font-medium text-muted">Портал е-бронювання</p>
          <h1 className="mt-2 text-3xl font-bold sm:text-5xl">
            Бронювання працівників — за секунди, з причиною кожної відмови
          </h1>
          <p className="mt-4 text-lg text-muted">
            Броня поєднує перелік критично важливих підприємств, реєстр «Оберіг» і кваліфікований електронний підпис:
            керівник подає заяву, правила перевіряють кожного працівника, а рішення одразу потрапляє до реєстру й до
            кабінету працівника.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href="/login" size="lg">
              Увійти
            </ButtonLink>
            <ButtonLink href="/api/v1/docs" variant="secondary" size="lg">
              HR API
            </ButtonLink>
          </div>
        </div>
        <ul className="grid gap-3 text-[15px]">
          <li className="rounded-2xl bg-chip-success/40 px-4 py-3">
            <b>Секунди</b> замість «до 72 годин» на рішення
          </li>
          <li className="rounded-2xl bg-chip-info/60 px-4 py-3">
            <b>Причина</b> для кожного працівника, якому відмовлено
          </li>
          <li className="rounded-2xl bg-ticker/70 px-4 py-3">
            <b>КЕП</b> у браузері: ключ і пароль не надсилаються
          </li>
        </ul>
      </section>

      <section aria-labelledby="audiences" className="space-y-4">
        <h2 id="audiences" className="text-2xl font-bold">
          Три кабінети над одним реєстром
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {AUDIENCES.map((a) => (
            <article key={a.title} className="card flex flex-col">
              <h3 className="text-xl font-semibold">{a.title}</h3>
              <p className="mt-1 text-muted">{a.lead}</p>
              <ul className="mt-4 flex-1 list-disc space-y-2 pl-5 text-[15px]">
                {a.points.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <Link href={a.cta.href} className="link mt-5 font-medium">
                {a.cta.label} →
              </Link>
            </article>
          ))}
        </div>
      </section>

      <section className="card">
        <h2 className="text-xl font-semibold">Як це працює</h2>
        <ol className="mt-4 grid gap-4 text-[15px] sm:grid-cols-4">
          {[
            ["1", "Орган влади вносить підприємство до переліку критично важливих і встановлює ліміт"],
            ["2", "Керівник обирає працівників, бачить попередню перевірку й підписує заяву КЕП"],
            ["3", "Правила бронювання перевіряють кожного працівника і записують бронь до реєстру «Оберіг»"],
            ["4", "Працівник бачить бронь і еВОД з QR-кодом у своєму кабінеті"],
          ].map(([n, text]) => (
            <li key={n} className="rounded-2xl bg-canvas/60 p-4">
              <span className="text-2xl font-bold">{n}</span>
              <p className="mt-1">{text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
