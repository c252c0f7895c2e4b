import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { factSource } from "./analytics-facts";
import { type AnalyticsFiltersInput, analyticsFilters, monthRange } from "./analytics-filters";
import { departmentFlows, type Flow, type ValueUse, valueUses } from "./analytics-mix";
import { type Unrecognised, unrecognisedPeople } from "./analytics-people";
import { analyticsScope } from "./analytics-scoping";
import { type MonthFigures, monthsAndTops, type PersonFigures } from "./analytics-series";

export interface Analytics {
  /** Whose figures: the whole org (an admin) or the actor's reporting line (a manager). */
  scope: "org" | "line";
  department: string | null;
  /** The departments the figures may be narrowed to. */
  departments: string[];
  from: string;
  to: string;
  days: number;
  asOf: string;
  pointValue: PointValue;
  months: MonthFigures[];
  values: ValueUse[];
  flows: Flow[];
  topGivers: PersonFigures[];
  topReceivers: PersonFigures[];
  notRecognised: Unrecognised[];
}

/**
 * Recognition analytics over whole months of the org's time zone: participation, recognitions and
 * points per month, values used, who recognises whom by department, the top givers and receivers, and
 * who has gone without recognition. Read in one snapshot, so every figure agrees with the others.
 */
export async function getAnalytics(
  db: Executor,
  actor: Actor,
  input: AnalyticsFiltersInput = {},
  clock: Clock = systemClock,
): Promise<Analytics> {
  authorize(actor, "view_analytics");
  const orgId = actorOrgId(actor);
  const filters = parseInput(analyticsFilters, input);
  const now = clock();
  return db.transaction(
    async (tx) => {
      const org = await loadOrgContext(tx, orgId);
      const range = monthRange(filters, now, org.timeZone);
      const scope = await analyticsScope(tx, actor, filters.department);
      const source = await factSource(tx, { orgId, timeZone: org.timeZone, ...range });
      // A year of an org's people-months is sorted and hashed in memory rather than on disk.
      await tx.execute(sql`set local work_mem = '64MB'`);
      const { months, givers, receivers } = await monthsAndTops(tx, scope, source, range);
      const values = await valueUses(tx, scope, source, range);
      const flows = await departmentFlows(tx, scope, source, range);
      const notRecognised = await unrecognisedPeople(tx, scope, filters.days, now);
      return {
        scope: scope.line ? "line" : "org",
        department: scope.department,
        departments: scope.departments,
        from: range.from,
        to: range.to,
        days: filters.days,
        asOf: now.toISOString(),
        pointValue: org.pointValue,
        months,
        values,
        flows,
        topGivers: givers,
        topReceivers: receivers,
        notRecognised,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
