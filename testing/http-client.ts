import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A keep-alive HTTP client on node:http: cheaper per request than fetch, which matters when the load
 * generator shares two cores with the server and the database it measures.
 */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(readonly baseUrl: string) {}

  /** `timeoutMs` fails a request that has not been answered in that time, as a hang. */
  request(
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
  ): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        { method: options.method ?? "GET", headers: options.headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      const { timeoutMs } = options;
      if (timeoutMs !== undefined) {
        request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      }
      request.end(options.body);
    });
  }

  /** A GET that must answer 200; anything else is an error for the load loops to count. */
  async page(path: string, cookie?: string): Promise<HttpResponse> {
    const response = await this.request(path, { headers: cookie ? { cookie } : {} });
    if (response.status !== 200) {
      const location = response.headers.location ? ` -> ${response.headers.location}` : "";
      throw new Error(`GET ${path} answered ${response.status}${location}`);
    }
    return response;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** `name=value` of each Set-Cookie header, attributes dropped. */
function cookiesOf(response: HttpResponse): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers["set-cookie"] ?? []) {
    const pair = header.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Signs in through the demo login as a browser would, without the form: Auth.js's CSRF token (and its
 * cookie), then the credentials callback. Returns the Cookie header that carries the session.
 */
export async function demoSignIn(client: HttpClient, personId: string): Promise<string> {
  const csrf = await client.request("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken?: string };
  if (csrf.status !== 200 || !csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const callback = await client.request("/api/auth/callback/demo", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(cookiesOf(csrf)),
    },
    body: new URLSearchParams({ csrfToken, personId, callbackUrl: "/" }).toString(),
  });
  const session = [...cookiesOf(callback)].filter(([name]) => name.includes("authjs.session-token"));
  if (session.length === 0) {
    throw new Error(
      `demo sign-in set no session cookie (${callback.status} -> ${callback.headers.location ?? "no redirect"})`,
    );
  }
  return cookieHeader(new Map(session));
}
