import net from "node:net";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Connection, connect } from "../../db/client";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";

/** A loopback port nothing listens on, until a test puts a forwarder to the real server there. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Forwards `port` to PostgreSQL: the database coming back, where the app expects it. */
async function forwarder(port: number, target: URL): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function timed(work: Promise<unknown>): Promise<{ ms: number; failed: boolean }> {
  const started = Date.now();
  const failed = await work.then(
    () => false,
    () => true,
  );
  return { ms: Date.now() - started, failed };
}

describe("the app's pool while the database is away", () => {
  let pool: Connection | undefined;
  let server: net.Server | undefined;
  afterEach(async () => {
    await pool?.close();
    server?.close();
  });

  it("fails each query at once however long it has been away, and serves again the moment it is back", async () => {
    const real = new URL(databaseUrl(await ensureWorkerDatabase()));
    const port = await closedPort();
    const url = new URL(real);
    url.port = String(port);
    pool = connect(url.toString(), { max: 2, connectTimeoutMs: 3_000 });
    const select = () => pool?.db.execute(sql`select 1`) ?? Promise.reject(new Error("no pool"));

    // Enough failures that postgres.js's own delay before trying again would have grown to 10-20 s.
    for (let attempt = 0; attempt < 10; attempt++) {
      const query = await timed(select());
      expect(query.failed).toBe(true);
      expect(query.ms, `attempt ${attempt + 1}`).toBeLessThan(1_500);
    }
    server = await forwarder(port, real);
    const back = await timed(select());
    expect(back).toMatchObject({ failed: false });
    expect(back.ms).toBeLessThan(1_500);
  });
});
