import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeLabeller, UNMATCHED_ROUTE } from "../../observability/route-labels";

describe("route labels of the HTTP metrics", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "plaudit-routes-"));
    // The shape of the routes manifest `next build` writes.
    await writeFile(
      path.join(dir, "routes-manifest.json"),
      JSON.stringify({
        staticRoutes: [
          { page: "/", regex: "^/(?:/)?$" },
          { page: "/api/v1/recognitions", regex: "^/api/v1/recognitions(?:/)?$" },
        ],
        dynamicRoutes: [
          { page: "/people/[personId]", regex: "^/people/([^/]+?)(?:/)?$" },
          { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
        ],
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("name the app's route pattern, never the ids in the path", () => {
    const routeOf = routeLabeller(path.join(dir, "routes-manifest.json"));
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/v1/recognitions")).toBe("/api/v1/recognitions");
    expect(routeOf("/people/6cdab847-80da-4d3b-ba43-f81b318e4fdf")).toBe("/people/[personId]");
    expect(routeOf("/api/auth/callback/oidc")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/_next/static/chunks/app.js")).toBe("/_next");
  });

  it("put every path that matches no route under one label, however many a scanner tries", () => {
    const routeOf = routeLabeller(path.join(dir, "routes-manifest.json"));
    expect(new Set(["/wp-admin", "/.env", "/people/1/2", "/api/v2/x"].map(routeOf))).toEqual(
      new Set([UNMATCHED_ROUTE]),
    );
  });

  it("without a build, label everything unmatched rather than fail", () => {
    const routeOf = routeLabeller(path.join(dir, "missing.json"));
    expect(routeOf("/")).toBe(UNMATCHED_ROUTE);
  });
});
