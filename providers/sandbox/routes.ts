import type { IncomingMessage } from "node:http";

/** What a route answers: JSON unless it names another content type (then `body` is the text). */
export interface Answer {
  status: number;
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  /** The path's one parameter (an id or a token), decoded; empty for paths without one. */
  id: string;
  url: URL;
  request: IncomingMessage;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Matches the path below the route table's prefix; its one capture group is the id. */
  path: RegExp;
  /** null leaves the request unanswered (a hang cut short by the server stopping). */
  answer(request: RouteRequest): Answer | null | Promise<Answer | null>;
}

export const ok = (body: unknown): Answer => ({ status: 200, body });

export function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; id: string } | null {
  for (const route of routes) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) return { route, id: decodeURIComponent(match[1] ?? "") };
  }
  return null;
}
