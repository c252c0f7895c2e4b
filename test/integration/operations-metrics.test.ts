import { afterEach, describe, expect, it, vi } from "vitest";
import { getOperationsFigures, type OperationsFigures } from "../../core/operations/get-operations-figures";
import type { Actor } from "../../core/shared/actor";
import { closeDb } from "../../db/client";
import { billStates } from "../support/billing";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { createOrgChart } from "../support/org-chart";
import { rewardStates } from "../support/reward-states";
import { rewardsFixture } from "../support/rewards-fixture";

// Outside a Next request there is no request scope to wait for.
vi.mock("next/server", () => ({ connection: async () => {} }));

const database = workerDatabase();
const rewards = rewardsFixture();
const OPERATOR: Actor = { kind: "operator" };

/** An hour from now: a redemption whose provider had no funds is due again after 15 minutes. */
const at = new Date(Date.now() + 60 * 60_000);
const states = rewardStates(rewards, () => new Date());
/** May 2026 has ended, with its grace period, by the time these tests run. */
const bills = billStates(() => new Date(), "2026-05");

function difference(before: OperationsFigures, after: OperationsFigures) {
  return {
    awaitingApproval:
      after.redemptionsByStatus.awaiting_approval - before.redemptionsByStatus.awaiting_approval,
    submitted: after.redemptionsByStatus.submitted - before.redemptionsByStatus.submitted,
    fulfilled: after.redemptionsByStatus.fulfilled - before.redemptionsByStatus.fulfilled,
    redemptionsDue: after.backlog.redemptions.due - before.backlog.redemptions.due,
    noticesDue: after.backlog.notices.due - before.backlog.notices.due,
    billsDue: after.backlog.bills.due - before.backlog.bills.due,
  };
}

describe("the deployment's figures (getOperationsFigures)", () => {
  it("count redemptions by status and due background work across every org, by the claims' own conditions", async () => {
    const { db } = await database();
    const before = await getOperationsFigures(db, OPERATOR, () => at);
    // Two orgs: the figures belong to the deployment, not to any one of them.
    for (const chart of [await createOrgChart(db, new Date()), await createOrgChart(db, new Date())]) {
      await states.awaitingApproval(db, chart, chart.employee);
      await states.awaitingFunds(db, chart, chart.colleague);
      await bills.billWithLines(db, chart, chart.manager);
    }
    const after = await getOperationsFigures(db, OPERATOR, () => at);
    expect(difference(before, after)).toEqual({
      awaitingApproval: 2,
      submitted: 2,
      // The custom rewards handed over for May's bills.
      fulfilled: 2,
      // The two whose funding failed; the approvals wait for an admin, not for background work.
      redemptionsDue: 2,
      // Each org's one admin is asked to approve, and each person handed a custom reward is told.
      noticesDue: 4,
      billsDue: 2,
    });
    // May's bills were due to close themselves five days (the default grace) after the month, in UTC here.
    expect(after.backlog.bills.oldestDueSeconds).toBeGreaterThanOrEqual(
      (at.getTime() - Date.parse("2026-06-06T00:00:00Z")) / 1000,
    );
    expect(after.backlog.redemptions.oldestDueSeconds).toBeGreaterThan(0);
  });

  it("are nothing due when nothing is, at a moment before any of it", async () => {
    const { db } = await database();
    const figures = await getOperationsFigures(db, OPERATOR, () => new Date("2000-01-01T00:00:00Z"));
    expect(figures.backlog).toEqual({
      redemptions: { due: 0, oldestDueSeconds: 0 },
      notices: { due: 0, oldestDueSeconds: 0 },
      bills: { due: 0, oldestDueSeconds: 0 },
    });
  });
});

/** A scrape as Prometheus makes it, against the route handler, as a freshly started server answers it. */
async function scrape(authorization?: string): Promise<Response> {
  const { GET } = await import("../../app/api/metrics/route");
  return GET(
    new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }),
  );
}

/** The value of one sample line of the exposition text. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /api/metrics", () => {
  const originalUrl = process.env.DATABASE_URL;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await closeDb();
    process.env.DATABASE_URL = originalUrl;
  });

  it("does not exist while no token is configured", async () => {
    vi.stubEnv("PLAUDIT_METRICS_TOKEN", "");
    const response = await scrape("Bearer anything");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("refuses a scraper without the token, or with another", async () => {
    vi.stubEnv("PLAUDIT_METRICS_TOKEN", "the-metrics-token");
    for (const authorization of [
      undefined,
      "Bearer the-metrics-tokeN",
      "Bearer the-metrics-token-and-more",
      "Basic dGhl",
    ]) {
      const response = await scrape(authorization);
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
    }
  });

  it("shows the database's figures at scrape time, in Prometheus's text format", async () => {
    vi.stubEnv("PLAUDIT_METRICS_TOKEN", "the-metrics-token");
    process.env.DATABASE_URL = databaseUrl(await ensureWorkerDatabase());
    const response = await scrape("Bearer the-metrics-token");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const { db } = await database();
    const figures = await getOperationsFigures(db, OPERATOR);
    for (const [status, count] of Object.entries(figures.redemptionsByStatus)) {
      expect(sample(text, `plaudit_redemptions{status="${status}"}`), status).toBe(count);
    }
    for (const work of ["redemptions", "notices", "bills"] as const) {
      expect(sample(text, `plaudit_background_backlog{work="${work}"}`), work).toBe(
        figures.backlog[work].due,
      );
    }
    expect(sample(text, "plaudit_database_up")).toBe(1);
    // The process's own figures come along.
    expect(sample(text, "process_cpu_seconds_total")).toBeGreaterThan(0);
  });

  it("still answers when the database does not, saying so and showing no stale figure", async () => {
    vi.stubEnv("PLAUDIT_METRICS_TOKEN", "the-metrics-token");
    process.env.DATABASE_URL = databaseUrl(await ensureWorkerDatabase());
    expect((await scrape("Bearer the-metrics-token")).status).toBe(200);
    await closeDb();
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nothing";
    const response = await scrape("Bearer the-metrics-token");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, "plaudit_database_up")).toBe(0);
    expect(text).not.toMatch(/^plaudit_redemptions\{/m);
    expect(text).not.toMatch(/^plaudit_background_backlog\{/m);
  });
});
