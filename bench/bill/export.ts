import { demoSignIn, HttpClient } from "../../testing/http-client";
import { percentile } from "../load";
import { type Result, result } from "../report";
import type { Download } from "./byte-tally";
import type { ClosedBill } from "./close";
import { billCopyQuery, psqlCopy } from "./psql-copy";
import type { BillBenchOrg } from "./seed";
import { type MemoryWatch, watchServerMemory } from "./server-memory";
import { statusOf, streamingGet } from "./streaming-get";

export interface ExportOptions {
  /** Downloads of each kind, interleaved: app, psql, app, psql, ... */
  rounds: number;
  ratioTarget: number;
  memoryGrowthTargetMB: number;
  sampleEveryMs: number;
}

const median = (values: readonly number[]) => percentile(values, 50);

function summary(download: Download, lines: number): string {
  const rate = Math.round(lines / download.seconds).toLocaleString("en-US");
  return `${download.seconds.toFixed(2)} s, ${(download.bytes / 1e6).toFixed(0)} MB, ${rate} rows/s`;
}

/**
 * The closed bill's CSV through the app's download route (`next start`, signed in as finance), against
 * psql's `\copy` of the same rows and columns from the same database, interleaved so that both meet the
 * same machine; rows per second are each side's median. Every app download must hash to the SHA-256 the
 * bill closed with: the whole file, the right file. While each runs, the server's RSS is sampled; its
 * growth is the peak less what it was just before, the worst of the rounds (the first, as a rule: the
 * heap the first download grows is mostly kept for the next), and how much of it came in the second
 * half of a download.
 */
export async function measureExport(
  server: { url: string; pid: number; cpuSeconds(): number | null },
  databaseUrl: string,
  org: BillBenchOrg,
  bill: ClosedBill,
  options: ExportOptions,
): Promise<Result[]> {
  const client = new HttpClient(server.url);
  let cookie: string;
  try {
    cookie = await demoSignIn(client, org.finance.personId);
  } finally {
    client.close();
  }
  const url = `${server.url}/finance/bills/${org.billed.period}/download?format=csv`;
  // Loads the route and opens the app's database pool without sending the file: a client that has the
  // bill already is told so (304).
  const warm = await statusOf(url, { cookie, "if-none-match": `"${bill.csvSha256}"` });
  if (warm !== 304) throw new Error(`GET ${url} with the bill's ETag answered ${warm}, not 304`);

  const query = billCopyQuery(org.billId);
  const app: Download[] = [];
  const psql: Download[] = [];
  const memory: MemoryWatch[] = [];
  const serverCpu: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const cpuBefore = server.cpuSeconds() ?? 0;
    const watched = await watchServerMemory(server.pid, options.sampleEveryMs, () =>
      streamingGet(url, { cookie }),
    );
    const cpu = (server.cpuSeconds() ?? 0) - cpuBefore;
    serverCpu.push(cpu);
    if (watched.value.sha256 !== bill.csvSha256) {
      throw new Error(
        `the download hashes to ${watched.value.sha256}, the bill closed with ${bill.csvSha256}`,
      );
    }
    app.push(watched.value);
    memory.push(watched.memory);
    const { beforeMB, peakMB, lateGrowthMB, samples, longestGapMs } = watched.memory;
    console.log(
      `  round ${round} app:  ${summary(watched.value, org.lines)}; server RSS ${beforeMB.toFixed(0)} -> ` +
        `${peakMB.toFixed(0)} MB, ${lateGrowthMB.toFixed(0)} MB of it in the second half ` +
        `(${samples} samples, longest gap ${longestGapMs.toFixed(0)} ms); ` +
        `server CPU ${cpu.toFixed(1)} s`,
    );
    const copied = await psqlCopy(databaseUrl, query);
    psql.push(copied);
    console.log(`  round ${round} psql: ${summary(copied, org.lines)}`);
  }
  const appRate = org.lines / median(app.map((download) => download.seconds));
  const psqlRate = org.lines / median(psql.map((download) => download.seconds));
  const growth = Math.max(...memory.map((watch) => watch.peakMB - watch.beforeMB));
  return [
    result("bill_export_csv", appRate, "rows/s", {
      baseline: psqlRate,
      goal: { atLeast: options.ratioTarget },
    }),
    result("bill_export_csv_size", (app[0]?.bytes ?? 0) / 1e6, "MB"),
    // What a download costs the server whatever else the machine runs: the steadier figure when it is busy.
    result("bill_export_server_cpu", median(serverCpu), "s"),
    result("bill_export_server_rss_growth", growth, "MB", { goal: { atMost: options.memoryGrowthTargetMB } }),
    // Zero for a server that streams: what grows, grows while the first buffers fill, whatever the length.
    result(
      "bill_export_server_rss_growth_second_half",
      Math.max(...memory.map((watch) => watch.lateGrowthMB)),
      "MB",
    ),
  ];
}
