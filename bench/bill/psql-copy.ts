import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { ByteTally, type Download } from "./byte-tally";

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const money = (column: string) => `(${column} / 100.0)::numeric(20, 2)`;

/**
 * The bill's lines as the database alone writes them: the CSV's 31 columns in its order, its times as
 * ISO 8601 in UTC and its amounts as dollars and cents (the bench's bill is in USD), the lines in the
 * bill's order and numbered by their place in it, the bill and any corrected line joined in. What it leaves to the app: RFC 4180's CRLF
 * and quoting rules, and neutralising text a spreadsheet would run as a formula.
 */
export function billCopyQuery(billId: string): string {
  return `select b.number as bill_number, row_number() over (order by l.occurred_at, l.redemption_id, l.line_type) as line, l.line_type, l.redemption_id,
      to_char(l.requested_at at time zone 'UTC', ${ISO_UTC}) as requested_at,
      to_char(l.fulfilled_at at time zone 'UTC', ${ISO_UTC}) as fulfilled_at,
      l.fulfilled_date, l.person_id, l.external_employee_id, l.person_name, l.person_email, l.department,
      l.cost_center, l.reward_kind, l.brand, l.reward_name, l.provider, l.provider_order_id,
      l.provider_reward_id, l.product_id, l.points, l.point_value_points,
      ${money("l.point_value_minor")} as point_value_amount, ${money("l.face_value_minor")} as face_value,
      ${money("l.billed_minor")} as billed_amount, ${money("l.fee_minor")} as fee,
      ${money("l.internal_cost_minor")} as internal_cost, l.currency, l.status,
      rb.number as refers_to_bill, l.refers_to_line_number as refers_to_line
    from bill_lines l
    join bills b on b.id = l.bill_id
    left join bill_lines rl on rl.id = l.refers_to_line_id
    left join bills rb on rb.id = rl.bill_id
    where l.bill_id = '${billId.replace(/'/g, "")}'
    order by l.occurred_at, l.redemption_id, l.line_type`.replace(/\s+/g, " ");
}

/**
 * `psql -c "\copy (query) to stdout with csv header"` on the bench's database, its output counted and
 * hashed as it arrives like the app's response, timed from spawning psql to its exit.
 */
export function psqlCopy(databaseUrl: string, query: string): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const psql = spawn(
      "psql",
      [
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-d",
        databaseUrl,
        "-c",
        `\\copy (${query}) to stdout with csv header`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const tally = new ByteTally();
    let errors = "";
    psql.stdout.on("data", (chunk: Buffer) => tally.add(chunk));
    psql.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    psql.on("error", (error) => reject(new Error(`psql could not start (is it on PATH?): ${error.message}`)));
    psql.on("close", (code) => {
      if (code !== 0) reject(new Error(`psql \\copy exited with ${code}: ${errors.trim()}`));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          bytes: tally.bytes,
          sha256: tally.sha256(),
        });
    });
  });
}
