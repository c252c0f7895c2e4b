import type postgres from "postgres";
import { listFeed } from "../../core/feed/list-feed";
import type { Actor } from "../../core/shared/actor";
import { percentile } from "../load";
import { type Result, result } from "../report";
import type { ScaleOrg } from "./seed";
import {
  explainAnalyze,
  formatMs,
  type Statement,
  type StatementRecorder,
  statementRecorder,
  timeStatement,
} from "./statements";

/** listFeed's default page size, which the feed page uses. */
const PAGE_SIZE = 20;
/** The largest page listFeed serves (pageInput). */
const MAX_PAGE_SIZE = 100;

function executionTime(plan: string): string {
  const planning = /Planning Time: ([\d.]+) ms/.exec(plan)?.[1];
  const execution = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  return `planning ${planning ?? "?"} ms, execution ${execution ?? "?"} ms`;
}

/** The feed's page statement among those a listFeed call sent (the other reads the org's settings). */
function feedStatement(statements: readonly Statement[]): Statement {
  const statement = statements.find((s) => /from recognitions r\b/.test(s.query));
  if (!statement) throw new Error("listFeed sent no recognitions query");
  return statement;
}

interface FeedCase {
  name: string;
  filter: { value?: string; department?: string };
}

/**
 * The page statement of page `page` (1-based) of the feed as the feed page asks for it (shared donations
 * included), reached by following cursors from the first page. The walk takes the largest pages
 * listFeed allows, which lands on the same row in a fifth of the calls: that matters while a page costs
 * a scan of the whole table.
 */
async function feedPageStatement(
  recorder: StatementRecorder,
  actor: Actor,
  filter: FeedCase["filter"],
  page: number,
): Promise<Statement> {
  let cursor: string | undefined;
  const skip = (page - 1) * PAGE_SIZE;
  for (let skipped = 0; skipped < skip; ) {
    const limit = Math.min(MAX_PAGE_SIZE, skip - skipped);
    const next = (await listFeed(recorder.db, actor, { ...filter, donations: true, cursor, limit }))
      .nextCursor;
    if (!next) throw new Error(`the feed ${JSON.stringify(filter)} has fewer than ${page} pages`);
    cursor = next;
    skipped += limit;
  }
  const { statements } = await recorder.record((db) =>
    listFeed(db, actor, { ...filter, donations: true, cursor }),
  );
  return feedStatement(statements);
}

/**
 * The feed's page statement at the first page and at page `deepPage`, unfiltered and filtered by a value
 * and by a department: client-side time per call (one at a time), judged against `targetMs`, and the
 * plan of every statement that misses it.
 */
export async function feedQueries(
  sql: postgres.Sql,
  org: ScaleOrg,
  { deepPage, targetMs }: { deepPage: number; targetMs: number },
): Promise<Result[]> {
  const recorder = statementRecorder(sql);
  const cases: FeedCase[] = [
    { name: "all", filter: {} },
    { name: "value", filter: { value: "teamwork" } },
    { name: "department", filter: { department: org.otherDepartment } },
  ];
  const results: Result[] = [];
  for (const { name, filter } of cases) {
    for (const page of [1, deepPage]) {
      const statement = await feedPageStatement(recorder, org.manager, filter, page);
      const latencies = await timeStatement(sql, statement);
      const plan = await explainAnalyze(sql, statement);
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      const label = `feed_query_${name}_page${page}`;
      console.log(
        `${label}: p50 ${formatMs(p50)}, p99 ${formatMs(p99)} over ${latencies.length} calls; EXPLAIN ANALYZE ` +
          executionTime(plan),
      );
      if (p50 > targetMs || p99 > targetMs) console.log(`${plan}\n`);
      results.push(
        result(`${label}_p50`, p50, "ms", { goal: { atMost: targetMs } }),
        result(`${label}_p99`, p99, "ms", { goal: { atMost: targetMs } }),
      );
    }
  }
  return results;
}
