import type postgres from "postgres";
import type { PeriodBounds } from "../../core/billing/bill-period";
import { personIdSql } from "../setup";
import { reserveIds } from "./ids";
import type { HistoryIds, SystemAccounts } from "./seed-history";
import { TIME_ZONE } from "./seed-people";
import type { BillBenchSizes } from "./sizes";

/** Gift cards from the sandbox's US catalog that sell $5, $10 and $25 cards. */
const PRODUCTS = [
  ["AMZNUS000001", "Amazon.com"],
  ["TRGTUS000001", "Target"],
  ["SBUXUS000001", "Starbucks"],
] as const;
const FACE_VALUES_MINOR = [500, 1000, 2500];
/** The org's point value, the schema's default: 10 points are worth 100 cents. */
const POINT_VALUE = { points: 10, minor: 100 };
/** The last requests of the month come this long before its end, so that every fulfilment lands in it. */
const LAST_REQUEST_BEFORE_END = "10 minutes";
/** The provider executes an order within this many seconds of its request. */
const MAX_FULFIL_SECONDS = 300;

function textArray(items: readonly string[]): string {
  return `array[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(", ")}]`;
}

/**
 * Every gift card of the month, drawn once: person 1 + (n - 1) % people redeems it, at a random moment
 * of the month, and the provider executes it seconds later. Ledger ids follow the request times: the
 * hold, then its settle.
 */
async function redemptionsTable(
  sql: postgres.TransactionSql,
  sizes: BillBenchSizes,
  billed: PeriodBounds,
): Promise<void> {
  const holdBase = await reserveIds(sql, "ledger_transactions", 2 * sizes.billLines);
  await sql.unsafe(
    `create temporary table bench_redemptions on commit drop as
     select r.*, $1::bigint + 2 * (row_number() over (order by requested_at) - 1) as hold_txn
     from (
       select gen_random_uuid() as id, n, 1 + (n - 1) % ${sizes.people} as person,
         1 + floor(r_product * ${PRODUCTS.length})::int as product,
         (array[${FACE_VALUES_MINOR.join(", ")}])[1 + floor(r_face * ${FACE_VALUES_MINOR.length})::int] as face,
         -- To the millisecond, as the app's clock dates them.
         date_trunc('milliseconds', $2::timestamptz
           + r_at * ($3::timestamptz - interval '${LAST_REQUEST_BEFORE_END}' - $2::timestamptz)) as requested_at,
         date_trunc('milliseconds', (1 + r_fulfil * ${MAX_FULFIL_SECONDS - 1}) * interval '1 second') as fulfil_after
       from (
         select n, random() as r_product, random() as r_face, random() as r_at, random() as r_fulfil
         from generate_series(1, $4::int) n
         offset 0
       ) d
     ) r`,
    [holdBase, billed.start.toISOString(), billed.end.toISOString(), sizes.billLines],
  );
  await sql`analyze bench_redemptions`;
}

/**
 * A spot award to each person who redeems, the day before the month, of exactly the points they
 * redeem in it: their earned balance then never runs short, whatever they were given.
 */
async function grants(
  sql: postgres.TransactionSql,
  orgId: string,
  adminId: string,
  sizes: BillBenchSizes,
  billed: PeriodBounds,
  ids: HistoryIds,
  system: SystemAccounts,
): Promise<void> {
  const grantBase = await reserveIds(sql, "ledger_transactions", Math.min(sizes.people, sizes.billLines));
  const awards = `select person, $2::bigint + person - 1 as txn_id,
      sum(face * ${POINT_VALUE.points} / ${POINT_VALUE.minor})::bigint as points,
      $3::timestamptz - interval '1 day' as at
    from bench_redemptions group by person`;
  await sql.unsafe(
    `insert into ledger_transactions (id, org_id, kind, idempotency_key, request_hash, actor_person_id, memo, created_at)
     select txn_id, $1, 'grant', 'bench-grant:' || person, '', $4::uuid, 'Points for the year''s work', at
     from (${awards}) a order by txn_id`,
    [orgId, grantBase, billed.start.toISOString(), adminId],
  );
  await sql.unsafe(
    `insert into ledger_entries (org_id, transaction_id, account_id, amount, created_at)
     select $1, a.txn_id, e.account_id, e.amount, a.at
     from (${awards}) a
     cross join lateral (values ($4::bigint, -a.points), ($5::bigint + a.person - 1, a.points)) e(account_id, amount)
     order by a.txn_id`,
    [orgId, grantBase, billed.start.toISOString(), system.companyGrants, ids.earnedBase],
  );
}

/**
 * The redemptions as the product leaves a gift card the provider executed: everything the bill needs
 * frozen at request (the person's details, the reward, points, point value, face value), the order's
 * ids, the hold and the settle that closed it.
 */
async function redemptionRows(sql: postgres.TransactionSql, orgId: string): Promise<void> {
  const products = `(${textArray(PRODUCTS.map(([id]) => id))})[r.product]`;
  const brands = `(${textArray(PRODUCTS.map(([, brand]) => brand))})[r.product]`;
  await sql.unsafe(
    `insert into redemptions (id, org_id, person_id, kind, status, idempotency_key, request_hash, points,
       point_value_points, point_value_minor, face_value_minor, currency, product_id, brand, reward_name,
       person_name, person_email, external_employee_id, department, cost_center, delivery_method,
       recipient_email, provider, provider_order_id, provider_reward_id, provider_status, delivery_status,
       charged_minor, fees_minor, charged_currency, hold_transaction_id, close_transaction_id, attempts,
       requested_at, fulfilled_at, updated_at)
     select r.id, $1, p.id, 'gift_card', 'fulfilled', 'bench-redemption:' || r.n, '',
       r.face * ${POINT_VALUE.points} / ${POINT_VALUE.minor}, ${POINT_VALUE.points}, ${POINT_VALUE.minor}, r.face,
       'USD', ${products}, ${brands}, ${brands} || ' gift card', p.name, p.email, p.external_employee_id,
       p.department, p.cost_center, 'email', p.email, 'sandbox',
       'O' || lpad(r.n::text, 11, '0'), 'R' || lpad(r.n::text, 11, '0'), 'EXECUTED', 'succeeded',
       r.face, 0, 'USD', r.hold_txn, r.hold_txn + 1, 1,
       r.requested_at, r.requested_at + r.fulfil_after, r.requested_at + r.fulfil_after
     from bench_redemptions r
     join people p on p.org_id = $1 and p.id = ${personIdSql("r.person")}
     order by r.requested_at`,
    [orgId],
  );
}

/**
 * The hold (earned to the hold account, when requested) and the settle (the hold account to redeemed,
 * when the provider executed the order) of each redemption, as `holdPoints` and `settleHold` post them.
 */
async function holdsAndSettles(
  sql: postgres.TransactionSql,
  orgId: string,
  ids: HistoryIds,
  system: SystemAccounts,
): Promise<void> {
  await sql.unsafe(
    `insert into ledger_transactions (id, org_id, kind, idempotency_key, request_hash, closes_transaction_id,
       actor_person_id, memo, created_at)
     select t.* from redemptions r
     cross join lateral (values
       (r.hold_transaction_id, $1::uuid, 'hold'::transaction_kind, 'redemption:' || r.id || ':hold', '',
         null::bigint, r.person_id, 'Redemption: ' || r.reward_name, r.requested_at),
       (r.close_transaction_id, $1::uuid, 'settle'::transaction_kind, 'redemption:' || r.id || ':settle', '',
         r.hold_transaction_id, null::uuid, null::text, r.fulfilled_at)) t
     where r.org_id = $1
     order by 1`,
    [orgId],
  );
  await sql.unsafe(
    `insert into ledger_entries (org_id, transaction_id, account_id, amount, created_at)
     select $1, e.transaction_id, e.account_id, e.amount, e.at
     from bench_redemptions b
     join redemptions r on r.id = b.id
     cross join lateral (values
       (r.hold_transaction_id, $2::bigint + b.person - 1, -r.points::bigint, r.requested_at),
       (r.hold_transaction_id, $3::bigint, r.points::bigint, r.requested_at),
       (r.close_transaction_id, $3::bigint, -r.points::bigint, r.fulfilled_at),
       (r.close_transaction_id, $4::bigint, r.points::bigint, r.fulfilled_at)) e(transaction_id, account_id, amount, at)
     order by e.transaction_id`,
    [orgId, ids.earnedBase, system.redemptionHold, system.redeemed],
  );
}

/**
 * The month's bill, open, with a charge line per redemption: the snapshot `addChargeLines` takes at
 * fulfilment, copied from the redemption (no fees, so no fee lines). Returns the bill's id.
 */
async function billWithLines(
  sql: postgres.TransactionSql,
  orgId: string,
  billed: PeriodBounds,
): Promise<string> {
  const [bill] = await sql<{ id: string }[]>`
    insert into bills (org_id, period, time_zone, period_start, period_end, currency)
    values (${orgId}, ${billed.period}, ${TIME_ZONE}, ${billed.start.toISOString()}, ${billed.end.toISOString()}, 'USD')
    returning id`;
  if (!bill) throw new Error("bill insert returned nothing");
  await sql.unsafe(
    `insert into bill_lines (org_id, bill_id, line_type, occurred_at, redemption_id, requested_at, fulfilled_at,
       fulfilled_date, person_id, external_employee_id, person_name, person_email, department, cost_center,
       reward_kind, brand, reward_name, provider, provider_order_id, provider_reward_id, product_id, points,
       point_value_points, point_value_minor, face_value_minor, billed_minor, fee_minor, internal_cost_minor,
       currency, status, ledger_transaction_id, created_at)
     select org_id, $2, 'charge', fulfilled_at, id, requested_at, fulfilled_at,
       to_char(fulfilled_at at time zone $3, 'YYYY-MM-DD'), person_id, external_employee_id, person_name,
       person_email, department, cost_center, kind, brand, reward_name, provider, provider_order_id,
       provider_reward_id, product_id, points, point_value_points, point_value_minor, face_value_minor,
       face_value_minor, 0, null, currency, 'fulfilled', close_transaction_id, fulfilled_at
     from redemptions where org_id = $1
     order by fulfilled_at`,
    [orgId, bill.id, TIME_ZONE],
  );
  return bill.id;
}

/** The billed month: grants, a million fulfilled gift cards with their holds and settles, and the bill. */
export async function seedBilledMonth(
  sql: postgres.TransactionSql,
  orgId: string,
  adminId: string,
  sizes: BillBenchSizes,
  billed: PeriodBounds,
  ids: HistoryIds,
  system: SystemAccounts,
): Promise<string> {
  await redemptionsTable(sql, sizes, billed);
  await grants(sql, orgId, adminId, sizes, billed, ids, system);
  await redemptionRows(sql, orgId);
  await holdsAndSettles(sql, orgId, ids, system);
  return billWithLines(sql, orgId, billed);
}
