import { parseArgs } from "node:util";
import { getLiability } from "../../core/billing/get-liability";
import { loadOrgContext } from "../../core/org/org-context";
import { formatPointsWithValue } from "../../core/shared/money";
import { startOfLocalDay } from "../../core/shared/periods";
import { type Command, requireOption, UsageError } from "./command";
import { orgIdBySlug } from "./org";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant `--as-of` names: a date alone is the end of that day in the org's time zone (the last
 * millisecond before the next day starts, so that everything posted that day counts); a date and time
 * with its offset is taken as it is.
 */
function asOfInstant(text: string, timeZone: string): string {
  const day = DATE.exec(text);
  if (day) {
    const [year, month, date] = day.slice(1).map(Number) as [number, number, number];
    const next = new Date(Date.UTC(year, month - 1, date + 1));
    if (new Date(Date.UTC(year, month - 1, date)).getUTCDate() !== date) {
      throw new UsageError(`--as-of names no such day: ${text}.`);
    }
    const nextDay = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
    return new Date(startOfLocalDay(nextDay, timeZone).getTime() - 1).toISOString();
  }
  if (DATE_TIME.test(text) && !Number.isNaN(Date.parse(text))) return text;
  throw new UsageError(
    "--as-of must be a date such as 2026-11-30, or a date and time such as 2026-11-30T18:00:00-05:00.",
  );
}

export const liabilityCommand: Command = {
  name: "liability",
  usage: "--org <slug> [--as-of <YYYY-MM-DD | ISO 8601 date-time>]",
  summary:
    "Show the points liability: earned points not yet redeemed and those held, with their money value, in total and by department. A date means the end of that day in the org's time zone; now when left out.",
  async run(args, cli) {
    const { values } = parseArgs({ args, options: { org: { type: "string" }, "as-of": { type: "string" } } });
    const slug = requireOption(values, "org");
    const db = cli.db();
    const orgId = await orgIdBySlug(db, slug);
    const org = await loadOrgContext(db, orgId);
    const asOf =
      values["as-of"] === undefined ? undefined : asOfInstant(values["as-of"].trim(), org.timeZone);
    const liability = await getLiability(db, { kind: "system", orgId }, { asOf });
    const value = (points: number) => formatPointsWithValue(points, liability.pointValue);
    const local = new Intl.DateTimeFormat("en-US", {
      dateStyle: "medium",
      timeStyle: "long",
      timeZone: org.timeZone,
    }).format(liability.asOf);
    console.log(`Points liability of ${slug} as of ${local} (${liability.asOf.toISOString()})`);
    console.log(`  Earned, not redeemed  ${value(liability.earned)}`);
    console.log(`  Held for redemptions  ${value(liability.held)}`);
    console.log(`  Outstanding           ${value(liability.outstanding)}`);
    if (liability.byDepartment.length > 0) {
      console.log("By department (as people are placed now):");
      const width = Math.max(
        ...liability.byDepartment.map((row) => (row.department ?? "No department").length),
      );
      for (const row of liability.byDepartment) {
        const name = (row.department ?? "No department").padEnd(width);
        const people = `${row.people} ${row.people === 1 ? "person" : "people"}`;
        console.log(`  ${name}  ${people}: earned ${value(row.earned)}, held ${value(row.held)}`);
      }
    }
    return 0;
  },
};
