import { spawn } from "node:child_process";

const PGBENCH = process.env.PGBENCH ?? "pgbench";

export interface PgbenchResult {
  transactions: number;
  failed: number;
  /** Transactions per second, excluding the time spent opening connections. */
  tps: number;
}

/**
 * The database URL travels in PGDATABASE (libpq expands a URI there as on the command line), which
 * keeps any password out of the process list and out of error messages.
 */
function run(args: readonly string[], url?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = url === undefined ? process.env : { ...process.env, PGDATABASE: url };
    const child = spawn(PGBENCH, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", (error) =>
      reject(new Error(`cannot run ${PGBENCH} (set PGBENCH to its path): ${error.message}`)),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${PGBENCH} ${args.join(" ")} exited with ${code}:\n${output}`));
    });
  });
}

function number(output: string, pattern: RegExp, what: string): number {
  const match = pattern.exec(output);
  if (!match?.[1]) throw new Error(`pgbench output has no ${what}:\n${output}`);
  return Number(match[1]);
}

export async function pgbenchVersion(): Promise<string> {
  return (await run(["--version"])).trim();
}

/** Creates pgbench's TPC-B tables at the given scale (100,000 accounts per unit). */
export async function pgbenchInit(url: string, scale: number): Promise<void> {
  await run(["-i", "-q", "-s", String(scale)], url);
}

export async function pgbench(url: string, args: readonly string[]): Promise<PgbenchResult> {
  const output = await run(args, url);
  const transactions = number(
    output,
    /number of transactions actually processed: (\d+)/,
    "transaction count",
  );
  // Since pgbench 15 a serialization or deadlock failure is counted here instead of ending the client.
  const failed = /number of failed transactions: (\d+)/.exec(output)?.[1];
  return {
    transactions,
    failed: failed === undefined ? 0 : Number(failed),
    tps: number(output, /tps = ([\d.]+)/, "tps"),
  };
}

/** Runs of the same script add up by transactions over time, not by averaging their rates. */
export function combinePgbench(results: readonly PgbenchResult[]): PgbenchResult {
  const transactions = results.reduce((sum, r) => sum + r.transactions, 0);
  const seconds = results.reduce((sum, r) => sum + (r.tps > 0 ? r.transactions / r.tps : 0), 0);
  return {
    transactions,
    failed: results.reduce((sum, r) => sum + r.failed, 0),
    tps: seconds > 0 ? transactions / seconds : 0,
  };
}
