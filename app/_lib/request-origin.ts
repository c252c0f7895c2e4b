import { headers } from "next/headers";
import { publicOrigin } from "@/slack/install/oauth-state";

/**
 * The app's public origin as the request reached it (through a proxy's forwarded host, when there is
 * one), or AUTH_URL's when that is set: for the URLs an admin registers with another service.
 */
export async function requestOrigin(): Promise<string> {
  const sent = await headers();
  // A chain of proxies lists each hop; the first is what the browser asked for.
  const first = (name: string) => sent.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host") ?? "localhost";
  const protocol = first("x-forwarded-proto") ?? "http";
  return publicOrigin(`${protocol}://${host}`);
}
