import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../../testing/next-app";

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own, in a temporary directory on a free port, which the test may stop
 * and start again at will without touching the server every other test (and everyone else on the
 * machine) uses. PostgreSQL refuses to run as root, so as root its commands run as the `postgres` user.
 */
export interface OwnPostgres {
  port: number;
  /** A connection URL for one of its databases. */
  url: (database: string) => string;
  /** Stops the server: `immediate` is a crash (no checkpoint, recovery at the next start), `fast` a shutdown. */
  stop: (mode: "immediate" | "fast") => Promise<void>;
  start: () => Promise<void>;
  /** Stops it and removes its files. */
  destroy: () => Promise<void>;
}

/** The directory of `initdb` and `pg_ctl`: Debian's newest under /usr/lib/postgresql, else `pg_config`'s. */
async function binDirectory(): Promise<string> {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((version) => existsSync(path.join(debian, version, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  try {
    return (await run("pg_config", ["--bindir"])).stdout.trim();
  } catch {
    throw new Error(
      "PostgreSQL's server programs (initdb, pg_ctl) were not found: install PostgreSQL 15 or later.",
    );
  }
}

const asRoot = userInfo().uid === 0;

/** Runs a PostgreSQL program, as the `postgres` user when this process is root. */
async function postgresCommand(program: string, args: string[]): Promise<void> {
  const [command, commandArgs] = asRoot
    ? ["runuser", ["-u", "postgres", "--", program, ...args]]
    : [program, args];
  try {
    await run(command, commandArgs);
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`${path.basename(program)} failed: ${failed.stderr || failed.message}`);
  }
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = await binDirectory();
  const root = mkdtempSync(path.join(tmpdir(), "plaudit-own-postgres-"));
  if (asRoot) {
    const { uid, gid } = await run("id", ["-u", "postgres"]).then(async ({ stdout }) => ({
      uid: Number(stdout),
      gid: Number((await run("id", ["-g", "postgres"])).stdout),
    }));
    chownSync(root, uid, gid);
  }
  const data = path.join(root, "data");
  const port = await freePort();
  await postgresCommand(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`;
  const start = () =>
    postgresCommand(path.join(bin, "pg_ctl"), [
      "-D",
      data,
      "-o",
      options,
      "-l",
      path.join(root, "server.log"),
      "-w",
      "start",
    ]);
  const stop = (mode: "immediate" | "fast") =>
    postgresCommand(path.join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"]);
  await start();
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    destroy: async () => {
      await stop("immediate").catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
