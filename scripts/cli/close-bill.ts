import { parseArgs } from "node:util";
import { closeBill } from "../../core/billing/close-bill";
import { formatMoney } from "../../core/shared/money";
import { type Command, requireMonth, requireOption } from "./command";
import { orgIdBySlug } from "./org";

export const closeBillCommand: Command = {
  name: "close-bill",
  usage: "--org <slug> --month <YYYY-MM>",
  summary:
    "Close a month's bill once the month has ended: it takes the next number and never changes again. Closing it again shows it as it closed.",
  async run(args, cli) {
    const { values } = parseArgs({ args, options: { org: { type: "string" }, month: { type: "string" } } });
    const slug = requireOption(values, "org");
    const month = requireMonth(values, "month");
    const db = cli.db();
    const orgId = await orgIdBySlug(db, slug);
    const bill = await closeBill(db, { kind: "operator" }, { period: month, orgId });
    const totals = bill.totals as { lines: number; billedMinor: number };
    console.log(
      `${bill.number}: the ${bill.period} bill of ${slug}, closed ${bill.closedAt?.toISOString()}, ` +
        `${totals.lines.toLocaleString("en-US")} ${totals.lines === 1 ? "line" : "lines"} billing ` +
        `${formatMoney(totals.billedMinor, bill.currency)}.`,
    );
    console.log(`CSV SHA-256: ${bill.csvSha256}`);
    return 0;
  },
};
