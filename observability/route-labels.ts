import { readFileSync } from "node:fs";

interface ManifestRoute {
  page: string;
  regex: string;
}

interface RoutesManifest {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}

/** Label for requests that match no route of the app (404s, probes): one, however many paths they try. */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * A function naming the app route a path belongs to (`/people/[personId]`), from the build's routes
 * manifest, so that metrics are labelled by route and never by an id or whatever path a scanner tries.
 * Without a manifest (a development server before its first build) everything is `unmatched`.
 */
export function routeLabeller(manifestPath: string): (path: string) => string {
  let routes: { page: string; pattern: RegExp }[] = [];
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as RoutesManifest;
    routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
      page: route.page,
      pattern: new RegExp(route.regex),
    }));
  } catch {
    // No build yet: every path is unmatched.
  }
  return (path) => {
    if (path.startsWith("/_next/")) return "/_next";
    return routes.find((route) => route.pattern.test(path))?.page ?? UNMATCHED_ROUTE;
  };
}
