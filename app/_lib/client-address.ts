import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a request came from, as a rate limit should count it. `next start` puts the connection's
 * address in X-Forwarded-For when the request has none; each reverse proxy in front appends the address
 * it was reached from. So the entry PLAUDIT_TRUSTED_PROXIES (default 1) from the right is the client as
 * the outermost trusted proxy saw it, and whatever a client wrote further left is ignored.
 */
export function clientAddress(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): string {
  const hops = Math.max(1, Number.parseInt(env.PLAUDIT_TRUSTED_PROXIES ?? "", 10) || 1);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry === undefined ? "unknown" : addressKey(entry);
}

/**
 * An address as one counter: IPv4 as it is, an IPv4-mapped IPv6 address as its IPv4, and other IPv6
 * addresses by their /64 network, since one subscriber is usually given a whole /64 to pick from.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return "unknown";
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = address.includes("::") && tail !== "" ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
