import { BlockList, isIP } from "node:net";

// The client's address as the portal may believe it. X-Forwarded-For is whatever the client
// wrote, except for the entries appended by proxies we run: so the header counts only when the
// connection comes from a proxy listed in TRUSTED_PROXIES (addresses or CIDR ranges), and then
// only up to the first entry that is not one of ours, read from the right. With no trusted
// proxy the socket's address is the client. scripts/server.ts resolves it once per request and
// passes it on as the only X-Forwarded-For entry, so rate limits and throttles read one value.

export type TrustedProxies = { readonly list: BlockList; readonly empty: boolean };

function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  // An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** "10.0.0.1, 10.1.0.0/16, ::1" → a matcher; throws a Ukrainian sentence on anything else. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (
      !family ||
      extra !== undefined ||
      !Number.isInteger(bits) ||
      bits < 0 ||
      bits > (family === 6 ? 128 : 32) ||
      (prefix !== undefined && !/^\d+$/.test(prefix))
    ) {
      throw new Error(
        `TRUSTED_PROXIES: «${entry}» не є IP-адресою чи діапазоном CIDR (наприклад 10.0.0.1 або 10.0.0.0/8)`,
      );
    }
    list.addSubnet(address!, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { list, empty: entries.length === 0 };
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

export function resolveClientAddress(options: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trusted: TrustedProxies;
}): string {
  let client = normalize(options.remoteAddress ?? "") || "unknown";
  if (options.trusted.empty || !isTrusted(options.trusted, client)) return client;
  const header = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const hops = header.split(",").map(normalize).filter(Boolean);
  while (hops.length > 0) {
    const hop = hops.pop()!;
    // Garbage where an address should be: stop at the last proxy we trust.
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(options.trusted, hop)) return client;
  }
  return client;
}
