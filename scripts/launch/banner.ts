import "server-only";
import { maskRnokpp } from "@/lib/identifiers";
import { DEMO_USERS } from "@/prisma/seed/demo-users";

// What the newcomer sees once the portal answers: where it is and how to sign in.

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

export function formatBanner(options: {
  url: string;
  databaseLabel: string;
  replicaLabel?: string;
  /** STATUS_PORT: where the status API's own processes answer. */
  statusUrl?: string;
  demoMode: boolean;
  seeded: boolean;
  demoKeysDir?: string;
}): string {
  const lines = [
    "",
    "  Броня — портал е-бронювання працює",
    "",
    `  Адреса:      ${options.url}`,
    `  База даних:  ${options.databaseLabel}${options.seeded ? " (щойно наповнена демо-даними)" : ""}`,
    ...(options.replicaLabel ? [`  Репліка:     ${options.replicaLabel}`] : []),
    ...(options.statusUrl ? [`  API статусу: ${options.statusUrl} (окремі процеси, STATUS_PORT)`] : []),
    "",
  ];
  if (options.demoMode) {
    const roleWidth = Math.max(...DEMO_USERS.map((user) => user.roleLabel.length));
    // A log never prints a РНОКПП, not even a demo one: the login page shows them in full.
    const shown = (login: string) => (/^\d{10}$/.test(login) ? maskRnokpp(login) : login);
    const loginWidth = Math.max(...DEMO_USERS.map((user) => shown(user.login).length));
    lines.push("  Демо-входи (логін / пароль; РНОКПП повністю — на сторінці входу):");
    for (const user of DEMO_USERS) {
      lines.push(
        `    ${pad(user.roleLabel, roleWidth)}  ${pad(shown(user.login), loginWidth)}  ${user.password}${user.totpSecret ? `  + код 2FA (секрет ${user.totpSecret})` : ""}`,
      );
    }
    lines.push(
      "",
      "  Найпростіше: сторінка входу в демо-режимі має кнопку «Увійти» біля кожного користувача",
      "  (код 2FA підставляється сам) і ключі КЕП для завантаження.",
    );
    if (options.demoKeysDir) lines.push(`  Ключі КЕП (.p12, пароль Demo-2026!): ${options.demoKeysDir}`);
    lines.push("");
  } else {
    lines.push(
      "  Виробничий режим (DEMO_MODE=0): демо-даних і демо-входів немає.",
      "  Першого адміністратора створює команда: npm run admin:create -- --email <адреса>",
      "",
    );
  }
  lines.push("  Зупинити: Ctrl-C", "");
  return lines.join("\n");
}
