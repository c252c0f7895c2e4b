import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb } from "../../db/client";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";

// Outside a Next request there is no request scope to wait for; the database part is what is tested.
vi.mock("next/server", () => ({ connection: async () => {} }));

const originalUrl = process.env.DATABASE_URL;

async function healthWith(url: string | undefined): Promise<Response> {
  // The app keeps one pool per process; start each case from none, as a freshly started server would.
  await closeDb();
  vi.resetModules();
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  const { GET } = await import("../../app/api/health/route");
  return GET();
}

describe("GET /api/health", () => {
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = originalUrl;
  });

  it("answers 200 ok when the database answers", async () => {
    const response = await healthWith(databaseUrl(await ensureWorkerDatabase()));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when nothing listens at the database address", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await healthWith("postgres://postgres@127.0.0.1:1/nothing");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
  });

  it("answers 503 when no database is configured", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await healthWith(undefined);
    expect(response.status).toBe(503);
  });
});
