import type { Metadata } from "next";
import { DemoLogins } from "@/components/auth/demo-logins";
import { KepLoginForm } from "@/components/auth/kep-login-form";
import { loginErrorText } from "@/components/auth/login-errors";
import { PasswordLoginForm } from "@/components/auth/password-login-form";
import { DemoKeyList } from "@/components/kep/demo-key-list";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { readDemoKeyManifest } from "@/lib/auth/kep-login/demo-key-manifest";
import { env } from "@/lib/env";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { z } from "@/lib/zod";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { demoCredentials } from "./actions";

export const metadata: Metadata = { title: "Вхід" };

const ZLoginQuery = z.object({
  next: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => safeNextPath(value)),
  expired: z.string().optional().catch(undefined),
  error: z.string().max(100).optional().catch(undefined),
});

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = ZLoginQuery.parse(await searchParams);
  const next = query.next ?? null;
  const demo = env().DEMO_MODE;
  const demoKeys = demo ? await readDemoKeyManifest(env().DATA_DIR) : null;

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <div className="space-y-6">
        <div>
          <h1 className="text-3xl font-bold">Вхід до порталу</h1>
          <p className="mt-1 text-muted">
            Один вхід для керівників підприємств, посадових осіб і військовозобов&apos;язаних.
          </p>
        </div>
        {query.expired ? (
          <Notice tone="warning">Сеанс завершено або роль більше недійсна. Увійдіть знову.</Notice>
        ) : null}
        {query.error ? <Notice tone="error">{loginErrorText(query.error)}</Notice> : null}
        <Card aria-labelledby="kep-login-title">
          <CardTitle>
            <span id="kep-login-title">Ключ КЕП</span>
          </CardTitle>
          <KepLoginForm next={next} />
        </Card>
        <Card>
          <CardTitle>Логін і пароль</CardTitle>
          <p className="mb-4 text-sm text-muted">
            Для посадових осіб органів влади (з одноразовим кодом) і для демонстраційних облікових записів.
          </p>
          <PasswordLoginForm next={next} />
        </Card>
      </div>
      {demo ? (
        <div className="space-y-6">
          <Card aria-labelledby="demo-title">
            <CardTitle>
              <span id="demo-title">Демонстраційні користувачі</span>
            </CardTitle>
            <p className="mb-2 text-sm text-muted">
              Портал працює в демо-режимі: дані згенеровано, усі паролі — навчальні.
            </p>
            <DemoLogins
              next={next}
              loadCredentials={demoCredentials}
              users={DEMO_USERS.map((u) => ({
                key: u.key,
                roleLabel: u.roleLabel,
                fullName: u.fullName,
                login: u.login,
                password: u.password,
                hasTotp: Boolean(u.totpSecret),
              }))}
            />
          </Card>
          <Card aria-labelledby="demo-keys-title">
            <CardTitle>
              <span id="demo-keys-title">Демонстраційні ключі КЕП</span>
            </CardTitle>
            <p className="mb-2 text-sm text-muted">
              Завантажте ключ, оберіть його в розділі «Ключ КЕП» і введіть пароль. Ключі видав тестовий надавач порталу;
              вони чинні лише тут.
            </p>
            {demoKeys ? (
              <DemoKeyList
                keys={demoKeys.keys.map((key) => ({
                  id: key.id,
                  roleLabel: key.roleLabel,
                  fullName: key.fullName,
                  ...(key.organization ? { organization: key.organization } : {}),
                  password: key.password,
                  revoked: key.revoked === true,
                  algorithm: key.algorithm,
                  container: key.container,
                  ...(key.note ? { note: key.note } : {}),
                }))}
              />
            ) : (
              <Notice tone="warning">
                Демо-ключі ще не створено: їх видає запуск порталу (npm run dev або npm start) у демо-режимі.
              </Notice>
            )}
          </Card>
        </div>
      ) : null}
    </div>
  );
}
