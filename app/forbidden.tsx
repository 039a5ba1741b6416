import { ButtonLink } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="card mx-auto max-w-xl text-center" data-testid="forbidden">
      <p className="text-sm font-medium text-muted">Помилка 403</p>
      <h1 className="mt-1 text-2xl font-bold">Доступ заборонено</h1>
      <p className="mt-3 text-muted">
        Цей розділ призначений для іншої ролі. Увійдіть під потрібним обліковим записом або поверніться до свого
        кабінету.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/">На головну</ButtonLink>
        <ButtonLink href="/login" variant="secondary">
          Увійти інакше
        </ButtonLink>
      </div>
    </div>
  );
}
