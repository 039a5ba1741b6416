import type { IncomingMessage, ServerResponse } from "node:http";
import { createAdmission, type Admission } from "@/lib/http/admission";
import { sendUnavailable } from "./unavailable";

// The web server's admission to Next (lib/http/admission.ts): pages, route handlers and server
// actions take a place before Next sees them and give it back when their response is closed
// (sent, or the client went away). Static files and the fast routes (scripts/server/fast-routes.ts)
// never wait. A request whose client leaves while it waits is dropped from the line; one that
// comes when the line is full is answered 503 with Retry-After, as when the database is down.

const MESSAGE = "Портал зараз обслуговує дуже багато запитів. Спробуйте ще раз за кілька секунд";

export type NextAdmission = {
  /** Hands the request to `serve` when it is its turn (at once for static files). */
  admit(req: IncomingMessage, res: ServerResponse, serve: () => void): void;
  readonly admission: Admission;
};

const passesFreely = (url: string) => url.startsWith("/_next/static/") || url === "/favicon.ico";

export function createNextAdmission(options: { limit: number; queueLimit: number }): NextAdmission {
  const admission = createAdmission(options);
  return {
    admission,
    admit(req, res, serve) {
      if (passesFreely(req.url ?? "")) return serve();
      const controller = new AbortController();
      const leave = () => controller.abort();
      res.once("close", leave);
      const entered = admission.enter(controller.signal);
      if (!entered) {
        res.off("close", leave);
        refuseBusy(req, res);
        return;
      }
      entered.then(
        (release) => {
          res.off("close", leave);
          if (res.closed) return release();
          res.once("close", release);
          serve();
        },
        () => undefined, // the client left while waiting: nothing to answer
      );
    },
  };
}

function refuseBusy(req: IncomingMessage, res: ServerResponse): void {
  sendUnavailable(req, res, {
    message: MESSAGE,
    title: "Портал перевантажений",
    page: `<p>${MESSAGE}.</p><p>Нічого з того, що ви вже подали, не втрачено.</p>`,
  });
}
