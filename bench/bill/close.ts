import { performance } from "node:perf_hooks";
import { closeBill } from "../../core/billing/close-bill";
import type { Connection } from "../../db/client";
import { type Result, result } from "../report";
import type { BillBenchOrg } from "./seed";

export interface ClosedBill {
  number: string;
  csvSha256: string;
}

/**
 * Finance closes the month's bill through the use case: it freezes the totals and hashes the whole CSV,
 * in one transaction.
 */
export async function measureClose(
  connection: Connection,
  org: BillBenchOrg,
  targetSeconds: number,
): Promise<{ results: Result[]; bill: ClosedBill }> {
  const started = performance.now();
  const bill = await closeBill(connection.db, org.finance, { period: org.billed.period });
  const seconds = (performance.now() - started) / 1000;
  const totals = bill.totals as { lines?: number } | null;
  if (bill.status !== "closed" || !bill.number || !bill.csvSha256 || totals?.lines !== org.lines) {
    throw new Error(`the ${org.billed.period} bill did not close with its ${org.lines} lines`);
  }
  console.log(
    `closed ${bill.number} (${org.lines} lines) in ${seconds.toFixed(1)} s, CSV SHA-256 ${bill.csvSha256}`,
  );
  return {
    results: [result("bill_close", seconds, "s", { goal: { atMost: targetSeconds } })],
    bill: { number: bill.number, csvSha256: bill.csvSha256 },
  };
}
