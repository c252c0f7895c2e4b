import type postgres from "postgres";
import { listTeam } from "../../core/allowances/list-team";
import { listFeed } from "../../core/feed/list-feed";
import { getBalances } from "../../core/giving/get-balances";
import { getGivingRules } from "../../core/giving/get-giving-rules";
import { listDepartments } from "../../core/people/list-departments";
import { loadViewer } from "../../core/sign-in/load-viewer";
import { listCompanyValues } from "../../core/values/list-company-values";
import type { Database } from "../../db/client";
import { percentile } from "../load";
import { type Result, result } from "../report";
import type { ScaleOrg } from "./seed";
import { formatMs, statementRecorder, timeStatement } from "./statements";

/**
 * The database time behind one request of each page: every statement the page's core calls send
 * (app/(app)/layout.tsx, then the page), timed one at a time and summed. Where a page's rate falls
 * short, this says how much of a request is the database's and which statement costs most.
 */
export async function pageStatementTimes(sql: postgres.Sql, org: ScaleOrg): Promise<Result[]> {
  const recorder = statementRecorder(sql);
  const actor = org.manager;
  const layout = (db: Database) => Promise.all([loadViewer(db, actor.personId), getBalances(db, actor)]);
  const pages: { name: string; calls: (db: Database) => Promise<unknown> }[] = [
    {
      name: "team_page",
      calls: async (db) => {
        await layout(db);
        await listTeam(db, actor, { scope: "direct" });
      },
    },
    {
      name: "feed_page",
      calls: async (db) => {
        await layout(db);
        await listFeed(db, actor, { donations: true });
        await listCompanyValues(db, actor);
        await listDepartments(db, actor);
        await getGivingRules(db, actor);
        await getBalances(db, actor);
      },
    },
  ];
  const results: Result[] = [];
  for (const { name, calls } of pages) {
    const { statements } = await recorder.record(calls);
    let total = 0;
    console.log(`${name}: ${statements.length} statements`);
    for (const statement of statements) {
      const p50 = percentile(await timeStatement(sql, statement, { budgetMs: 500, maxRuns: 200 }), 50);
      total += p50;
      console.log(`  ${formatMs(p50).padStart(9)}  ${statement.query.replace(/\s+/g, " ").slice(0, 110)}`);
    }
    results.push(result(`${name}_db_time`, total, "ms per request (statements in sequence, p50 each)"));
  }
  return results;
}
