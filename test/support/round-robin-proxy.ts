import { createServer, request as forward } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the proxy passed on: what was asked, and which upstream (by index) it went to. */
export interface ProxiedRequest {
  method: string;
  url: string;
  upstream: number;
}

export interface RoundRobinProxy {
  url: string;
  /** Every request so far, in the order they arrived. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/** The answer's header naming the upstream (its index) that served the request. */
export const SERVED_BY = "x-served-by";

/**
 * A load balancer in front of servers that do the same job: each request goes to the next upstream in
 * turn, body and answer streamed through unchanged, with the upstream's index added to the answer
 * (`x-served-by`). Upstreams are `http://host:port` origins.
 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const requests: ProxiedRequest[] = [];
  let turn = 0;
  const server = createServer((incoming, outgoing) => {
    const upstream = turn++ % upstreams.length;
    const target = new URL(incoming.url ?? "/", upstreams[upstream]);
    requests.push({ method: incoming.method ?? "GET", url: incoming.url ?? "/", upstream });
    const passed = forward(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_BY]: String(upstream) });
        answer.pipe(outgoing);
      },
    );
    passed.on("error", () => {
      // An upstream that is down answers as a load balancer says so.
      if (!outgoing.headersSent) outgoing.writeHead(502, { [SERVED_BY]: String(upstream) });
      outgoing.end();
    });
    incoming.pipe(passed);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
