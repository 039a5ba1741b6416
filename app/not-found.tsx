import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-xl text-center" data-testid="not-found">
      <p className="text-sm font-medium text-muted">Помилка 404</p>
      <h1 className="mt-1 text-2xl font-bold">Сторінку не знайдено</h1>
      <p className="mt-3 text-muted">Можливо, адресу введено з помилкою або у вас немає доступу до цих даних.</p>
      <div className="mt-6 flex justify-center">
        <ButtonLink href="/">На головну</ButtonLink>
      </div>
    </div>
  );
}
