import { openApiDocument } from "@/app/api/v1/openapi";

export const API_V1_PREFIX = "/api/v1/";

interface Operations {
  pattern: RegExp;
  /** Every method the path answers, as an `Allow` header lists them. */
  allowed: readonly string[];
}

/**
 * What each path of the API answers, read from its OpenAPI document (which a test keeps equal to the
 * route files). Next.js answers HEAD for every GET and OPTIONS for every route by itself.
 */
const ROUTES: readonly Operations[] = Object.entries(openApiDocument.paths).map(([path, operations]) => {
  const methods = Object.keys(operations).map((method) => method.toUpperCase());
  if (methods.includes("GET")) methods.push("HEAD");
  methods.push("OPTIONS");
  const segments = path
    .split("/")
    .map((segment) => (/^\{\w+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return { pattern: new RegExp(`^${segments.join("/")}$`), allowed: methods.sort() };
});

// The API's error shape, written here rather than through `apiCall`'s helpers: those open the database,
// and the proxy that calls this runs before every request.
function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/**
 * The API's answer to a request no route takes: 404 for a path it does not have, 405 (with `Allow`) for
 * a method the path does not answer, each in the API's error shape. Null when a route takes it.
 */
export function unmatchedApiRequest(method: string, pathname: string): Response | null {
  const route = ROUTES.find(({ pattern }) => pattern.test(pathname));
  if (!route) {
    return refusal(
      404,
      "not_found",
      `There is no ${pathname} in this API. Its routes are listed at /api/v1/openapi.json.`,
    );
  }
  if (route.allowed.includes(method)) return null;
  return refusal(
    405,
    "method_not_allowed",
    `${pathname} does not answer ${method}; it answers ${route.allowed.join(", ")}.`,
    { Allow: route.allowed.join(", ") },
  );
}
