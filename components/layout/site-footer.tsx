import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 bg-ink text-neutral-300">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 text-sm sm:grid-cols-3 sm:px-6">
        <div>
          <p className="font-semibold text-white">Броня</p>
          <p className="mt-2">
            Відкритий портал е-бронювання військовозобов&apos;язаних працівників критично важливих підприємств.
          </p>
        </div>
        <div className="space-y-1">
          <p className="font-semibold text-white">Для кого</p>
          <p>
            <Link className="link" href="/login">
              Керівникам підприємств
            </Link>
          </p>
          <p>
            <Link className="link" href="/login">
              Посадовим особам органів влади
            </Link>
          </p>
          <p>
            <Link className="link" href="/login">
              Військовозобов&apos;язаним
            </Link>
          </p>
        </div>
        <div className="space-y-1">
          <p className="font-semibold text-white">Для розробників</p>
          <p>
            <Link className="link" href="/api/v1/docs">
              HR API для кадрових систем
            </Link>
          </p>
          <p>
            <Link className="link" href="/api/pki/crl">
              Список відкликаних сертифікатів (CRL)
            </Link>
          </p>
          <p className="pt-2 text-xs text-neutral-400">
            Демонстраційна система: реєстр «Оберіг» і надавач КЕП — навчальні макети, дані згенеровано.
          </p>
        </div>
      </div>
    </footer>
  );
}
