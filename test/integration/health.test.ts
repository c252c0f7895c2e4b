import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb, connect } from "../../db/client";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";

// Outside a Next request there is no request scope to wait for; the database part is what is tested.
vi.mock("next/server", () => ({ connection: async () => {} }));

const originalUrl = process.env.DATABASE_URL;

const ROUTES = {
  health: () => import("../../app/api/health/route"),
  "health/ready": () => import("../../app/api/health/ready/route"),
};

/** A route's GET as a freshly started server would answer it: its own pool, opened on the first request. */
async function getWith(route: keyof typeof ROUTES, url: string | undefined): Promise<Response> {
  await closeDb();
  vi.resetModules();
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  const { GET } = await ROUTES[route]();
  return GET();
}

describe("GET /api/health (liveness)", () => {
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = originalUrl;
  });

  it("answers 200 ok whatever the database does: an outage must not get a healthy process restarted", async () => {
    for (const url of [
      databaseUrl(await ensureWorkerDatabase()),
      "postgres://postgres@127.0.0.1:1/nothing",
      undefined,
    ]) {
      const response = await getWith("health", url);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("GET /api/health/ready (readiness)", () => {
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = originalUrl;
  });

  it("answers 200 ready when the database answers and has every migration", async () => {
    const response = await getWith("health/ready", databaseUrl(await ensureWorkerDatabase()));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when nothing listens at the database address", async () => {
    const response = await getWith("health/ready", "postgres://postgres@127.0.0.1:1/nothing");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", reason: "database_unavailable" });
  });

  it("answers 503 when no database is configured", async () => {
    const response = await getWith("health/ready", undefined);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", reason: "database_unavailable" });
  });

  it("answers 503 within its two seconds when the database accepts connections and never answers", async () => {
    // A listener that takes the connection and says nothing, as a hung server or a black-holed route does.
    const net = await import("node:net");
    const sockets: import("node:net").Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as import("node:net").AddressInfo;
    try {
      const started = Date.now();
      const response = await getWith("health/ready", `postgres://postgres@127.0.0.1:${port}/silent`);
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2_900);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("answers 503 migrations_pending on a database that lacks the newest migration", async () => {
    const url = databaseUrl(await ensureWorkerDatabase("_unmigrated"));
    const own = connect(url, { max: 1 });
    try {
      // As if the code were newer than the database: the newest migration is forgotten.
      await own.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      const response = await getWith("health/ready", url);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "not_ready", reason: "migrations_pending" });
    } finally {
      await own.close();
    }
  });
});
