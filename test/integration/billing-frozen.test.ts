import { eq, type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { billCsvSha256 } from "../../core/billing/bill-files";
import type { Database } from "../../db/client";
import { auditLog, billingSettings } from "../../db/schema";
import { expectLedgerClean, sqlStateOfFailure } from "../support/assertions";
import {
  type BillingOrg,
  type BillRow,
  billOf,
  cardFulfilledAt,
  closeAt,
  createBillingOrg,
  handedOverAt,
  handOverAt,
  periodsOf,
  requestedAt,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/** What the freezing triggers raise: restrict_violation. */
const REFUSED = "23001";
const CLOSED_AT = new Date("2025-04-02T12:00:00Z");

let db: Database;
let org: BillingOrg;
/** March, closed with two lines; April, open with one. */
let closed: BillRow;
let open: BillRow;

/** A copy of one of the bill's lines as a fee line (which neither redemption has yet), into `target`. */
function copiedLineInto(from: BillRow, target: BillRow): SQL {
  return sql`
    insert into bill_lines (org_id, bill_id, line_type, occurred_at, redemption_id, requested_at, fulfilled_at,
      fulfilled_date, person_id, person_name, person_email, reward_kind, brand, reward_name, points,
      point_value_points, point_value_minor, face_value_minor, billed_minor, fee_minor, currency, status,
      ledger_transaction_id)
    select org_id, ${target.id}::uuid, 'fee', occurred_at, redemption_id, requested_at, fulfilled_at,
      fulfilled_date, person_id, person_name, person_email, reward_kind, brand, reward_name, 0,
      point_value_points, point_value_minor, 0, 99, 99, currency, status, ledger_transaction_id
    from bill_lines where bill_id = ${from.id}::uuid limit 1`;
}

describe("a closed bill", () => {
  beforeAll(async () => {
    ({ db } = await database());
    org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    await handedOverAt(db, org, person, new Date("2025-03-05T15:00:00Z"));
    await cardFulfilledAt(db, fixture, org, person, new Date("2025-03-10T15:00:00Z"));
    await handedOverAt(db, org, person, new Date("2025-04-08T15:00:00Z"));
    closed = await closeAt(db, org, "2025-03", CLOSED_AT);
    open = await billOf(db, org.id, "2025-04");
  });

  it("is refused UPDATE and DELETE at the database, while an open bill is not", async () => {
    expect(
      await sqlStateOfFailure(db, sql`update bills set org_name = 'Forged' where id = ${closed.id}`),
    ).toBe(REFUSED);
    expect(await sqlStateOfFailure(db, sql`update bills set status = 'open' where id = ${closed.id}`)).toBe(
      REFUSED,
    );
    expect(await sqlStateOfFailure(db, sql`delete from bills where id = ${closed.id}`)).toBe(REFUSED);
    expect(await sqlStateOfFailure(db, sql`update bills set time_zone = 'UTC' where id = ${open.id}`)).toBe(
      undefined,
    );
    // An open bill with lines is kept by its lines' foreign key instead: a different refusal.
    expect(await sqlStateOfFailure(db, sql`delete from bills where id = ${open.id}`)).toBe("23503");
  });

  it("has lines the database refuses to UPDATE or DELETE, while an open bill's may be", async () => {
    const statements = (bill: BillRow) => [
      sql`update bill_lines set billed_minor = 0 where bill_id = ${bill.id}`,
      sql`update bill_lines set person_name = 'Renamed' where bill_id = ${bill.id}`,
      sql`delete from bill_lines where bill_id = ${bill.id}`,
    ];
    for (const statement of statements(closed)) expect(await sqlStateOfFailure(db, statement)).toBe(REFUSED);
    for (const statement of statements(open)) expect(await sqlStateOfFailure(db, statement)).toBe(undefined);
  });

  it("takes no new line at the database, neither inserted nor moved from an open bill", async () => {
    expect(await sqlStateOfFailure(db, copiedLineInto(closed, closed))).toBe(REFUSED);
    expect(await sqlStateOfFailure(db, copiedLineInto(open, closed))).toBe(REFUSED);
    expect(
      await sqlStateOfFailure(
        db,
        sql`update bill_lines set bill_id = ${closed.id} where bill_id = ${open.id}`,
      ),
    ).toBe(REFUSED);
    expect(await sqlStateOfFailure(db, copiedLineInto(open, open))).toBe(undefined);
  });

  it("keeps its lines and itself through a TRUNCATE, which the database refuses", async () => {
    expect(await sqlStateOfFailure(db, sql`truncate bill_lines`)).toBe(REFUSED);
    expect(await sqlStateOfFailure(db, sql`truncate bill_lines cascade`)).toBe(REFUSED);
    // Bills go only with their lines, whose trigger refuses.
    expect(await sqlStateOfFailure(db, sql`truncate bills cascade`)).toBe(REFUSED);
  });

  it("is closed once by the application: a second close returns it as it was and takes nothing", async () => {
    const sequenceBefore = await db.select().from(billingSettings).where(eq(billingSettings.orgId, org.id));
    const again = await closeAt(db, org, "2025-03", new Date("2025-06-01T12:00:00Z"));
    expect(again).toEqual(closed);
    expect(await db.select().from(billingSettings).where(eq(billingSettings.orgId, org.id))).toEqual(
      sequenceBefore,
    );
    const closes = (await db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).filter(
      (entry) => entry.action === "bill.close",
    );
    expect(closes).toHaveLength(1);
  });

  it("is passed over by the application for a line dated in its month, which goes to the next open bill", async () => {
    const person = await org.hire();
    const late = await handedOverAt(db, org, person, new Date("2025-03-28T15:00:00Z"));
    expect(await periodsOf(db, org.id)).toEqual(["2025-03", "2025-04"]);
    const [line] = await db.execute<{ bill_id: string }>(
      sql`select bill_id from bill_lines where redemption_id = ${late.id}`,
    );
    expect(line?.bill_id).toBe(open.id);
    const march = await billOf(db, org.id, "2025-03");
    expect(march).toEqual(closed);
    expect(await billCsvSha256(db, march)).toBe(closed.csvSha256);
  });
});

describe("a line racing its bill's close", () => {
  it("lands wholly on the closing bill or wholly on the next, and the closed bill matches what it froze", async () => {
    const { db } = await database();
    const racing = await createBillingOrg(db, fixture);
    const person = await racing.hire();
    await handedOverAt(db, racing, person, new Date("2025-03-02T15:00:00Z"));
    const waiting = [];
    for (let n = 0; n < 8; n++)
      waiting.push(await requestedAt(db, racing, person, new Date("2025-03-27T15:00:00Z")));

    // Hand-overs set off before the close and after it, all in flight together.
    const handOver = (redemption: { id: string }) =>
      handOverAt(db, racing, redemption, new Date("2025-03-28T15:00:00Z"));
    const early = waiting.slice(0, 4).map(handOver);
    const closing = closeAt(db, racing, "2025-03", CLOSED_AT);
    const late = waiting.slice(4).map(handOver);
    const [march] = await Promise.all([closing, ...early, ...late]);
    const placed = await db.execute<{ period: string; lines: number }>(sql`
      select b.period, count(*)::int as lines from bill_lines l join bills b on b.id = l.bill_id
      where l.org_id = ${racing.id}::uuid group by b.period order by b.period`);
    const onMarch = placed.find((row) => row.period === "2025-03")?.lines ?? 0;
    expect(placed.reduce((sum, row) => sum + row.lines, 0)).toBe(9);
    expect((march.totals as { lines: number }).lines).toBe(onMarch);
    expect(await billCsvSha256(db, await billOf(db, racing.id, "2025-03"))).toBe(march.csvSha256);
    await expectLedgerClean(db, racing.id);
  });
});
