import "server-only";
import net from "node:net";

// Ports are probed by binding them, the only test that agrees with what the server will do.
// Both loopback families are tried because Next listens on "::" and Postgres on 127.0.0.1:
// a port taken on either counts as taken.

function tryListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      // No IPv6 on this machine is not a reason to call the port busy.
      resolve(error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT");
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return (await tryListen(port, "127.0.0.1")) && (await tryListen(port, "::"));
}

/** A port the OS considers free right now (there is a small race until the caller binds it). */
export async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once("error", reject);
      server.listen({ port: 0, host: "127.0.0.1" }, () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : 0;
        server.close(() => resolve(chosen));
      });
    });
    if (port && (await isPortFree(port))) return port;
  }
  throw new Error("Не вдалося знайти вільний TCP-порт (no free port found)");
}
