import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { exportBill } from "../../core/billing/export-bill";
import { type Command, requireMonth, requireOption, UsageError } from "./command";
import { orgIdBySlug } from "./org";

const FORMATS = ["csv", "json", "pdf"] as const;

function isFormat(format: string): format is (typeof FORMATS)[number] {
  return (FORMATS as readonly string[]).includes(format);
}

export const billCommand: Command = {
  name: "bill",
  usage: "--org <slug> --month <YYYY-MM> [--format csv|json|pdf]",
  summary:
    "Write a month's bill to standard output as CSV (the default), JSON or PDF, streamed as it is read.",
  async run(args, cli) {
    const { values } = parseArgs({
      args,
      options: { org: { type: "string" }, month: { type: "string" }, format: { type: "string" } },
    });
    const slug = requireOption(values, "org");
    const month = requireMonth(values, "month");
    const format = values.format ?? "csv";
    if (!isFormat(format)) throw new UsageError("--format must be csv, json or pdf.");
    if (format === "pdf" && process.stdout.isTTY) {
      throw new UsageError("A PDF is not for a terminal: send it to a file, e.g. > bill.pdf.");
    }
    const db = cli.db();
    const orgId = await orgIdBySlug(db, slug);
    // The deployment's operator reads the bill as the org's own system, as its background work does.
    const file = await exportBill(db, { kind: "system", orgId }, { period: month, format });
    try {
      // Paced by the reader: a chunk is made only once standard output has taken the one before.
      await pipeline(Readable.from(file.chunks), process.stdout, { end: false });
    } catch (error) {
      // The reader stopped reading (`| head`): what it wanted, it has.
      if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
    }
    return 0;
  },
};
