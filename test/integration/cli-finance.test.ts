import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBill } from "../../core/billing/export-bill";
import { grantPoints } from "../../core/giving/grant-points";
import { type Connection, connect } from "../../db/client";
import { defined } from "../support/assertions";
import { BILL_MONTH, billedOrg } from "../support/billed-org";
import { cardFulfilledAt, collectBytes } from "../support/billing";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { createTestOrg, key } from "../support/factories";
import { pdfPages } from "../support/pdf-reader";
import { rewardsFixture } from "../support/rewards-fixture";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const fixture = rewardsFixture();

interface Outcome {
  code: number;
  stdout: Buffer;
  stderr: string;
}

// A database of the CLI's own, as for the other CLI tests, so what it prints depends on no other test.
let url: string;
let connection: Connection;

beforeAll(async () => {
  url = databaseUrl(await ensureWorkerDatabase("_cli_finance"));
  connection = connect(url, { max: 5 });
});
afterAll(() => connection?.close());

/** Runs the CLI with its standard output as bytes (a PDF is not text). */
function cli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["scripts/cli.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
        encoding: "buffer",
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        resolve({ code, stdout, stderr: stderr.toString("utf8") });
      },
    );
  });
}

const text = (outcome: Outcome) => outcome.stdout.toString("utf8");

describe("the finance commands of the CLI", { timeout: 120_000 }, () => {
  it("writes a month's bill to standard output as CSV, JSON or PDF, the same as the app serves", async () => {
    const org = await billedOrg(connection.db, fixture);
    const csv = await cli(["bill", "--org", org.slug, "--month", BILL_MONTH, "--format", "csv"]);
    expect(csv).toMatchObject({ code: 0, stderr: "" });
    const served = await exportBill(connection.db, org.admin.actor, { period: BILL_MONTH, format: "csv" });
    expect(csv.stdout.equals(await collectBytes(served.chunks))).toBe(true);
    // CSV is what it writes unless told otherwise.
    const plain = await cli(["bill", "--org", org.slug, "--month", BILL_MONTH]);
    expect(plain.stdout.equals(csv.stdout)).toBe(true);

    const json = await cli(["bill", "--org", org.slug, "--month", BILL_MONTH, "--format", "json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(text(json)) as { bill: { status: string }; lines: unknown[] };
    expect(parsed.bill.status).toBe("open");
    expect(parsed.lines).toHaveLength(13);

    const pdf = await cli(["bill", "--org", org.slug, "--month", BILL_MONTH, "--format", "pdf"]);
    expect(pdf).toMatchObject({ code: 0, stderr: "" });
    const [first = ""] = await pdfPages(new Uint8Array(pdf.stdout));
    expect(first).toContain("DRAFT — provisional");
    expect(first).toContain("March 2026");
  });

  it("closes a month once, showing the same bill when asked again, and bills it by its number", async () => {
    const org = await billedOrg(connection.db, fixture);
    const closed = await cli(["close-bill", "--org", org.slug, "--month", BILL_MONTH]);
    expect(closed).toMatchObject({ code: 0, stderr: "" });
    const lines = text(closed).split("\n");
    expect(lines[0]).toMatch(
      new RegExp(
        `^([A-Z0-9]+-2026-00001): the ${BILL_MONTH} bill of ${org.slug}, closed \\S+Z, 13 lines billing \\$60\\.00\\.$`,
      ),
    );
    const number = defined(/^(\S+):/.exec(lines[0] ?? "")?.[1]);
    const csv = await cli(["bill", "--org", org.slug, "--month", BILL_MONTH]);
    expect(lines[1]).toBe(`CSV SHA-256: ${createHash("sha256").update(csv.stdout).digest("hex")}`);
    expect(text(csv)).toContain(`\r\n${number},1,charge,`);

    const again = await cli(["close-bill", "--org", org.slug, "--month", BILL_MONTH]);
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(text(again)).toBe(text(closed));
  });

  it("refuses what it cannot do with exit 1 and a sentence, and a wrong invocation with exit 2", async () => {
    const org = await billedOrg(connection.db, fixture);
    // A reward fulfilled now opens this month's bill, which cannot close before the month is out.
    await cardFulfilledAt(connection.db, fixture, org, org.giver, new Date());
    const month = new Date().toISOString().slice(0, 7);
    const early = await cli(["close-bill", "--org", org.slug, "--month", month]);
    expect(early).toMatchObject({
      code: 1,
      stderr: `error: The ${month} bill can close once the month has ended.\n`,
    });
    expect((await cli(["bill", "--org", org.slug, "--month", "2019-01"])).stderr).toBe(
      "error: There is no bill for 2019-01: nothing was redeemed that month.\n",
    );
    const nobody = await cli(["bill", "--org", "no-such-org", "--month", BILL_MONTH]);
    expect(nobody).toMatchObject({ code: 1, stderr: 'error: No organization has the slug "no-such-org".\n' });

    const wrongs = [
      [["bill", "--org", org.slug], "--month is required."],
      [["bill", "--org", org.slug, "--month", "2026-13"], "--month must be a month such as 2026-11."],
      [
        ["bill", "--org", org.slug, "--month", BILL_MONTH, "--format", "xlsx"],
        "--format must be csv, json or pdf.",
      ],
      [["close-bill", "--month", BILL_MONTH], "--org is required."],
      [
        ["liability", "--org", org.slug, "--as-of", "30/11/2026"],
        "--as-of must be a date such as 2026-11-30",
      ],
      [["liability", "--org", org.slug, "--as-of", "2026-02-30"], "--as-of names no such day: 2026-02-30."],
    ] as const;
    const outcomes = await Promise.all(wrongs.map(([args]) => cli([...args])));
    outcomes.forEach((wrong, index) => {
      const [args, message] = defined(wrongs[index]);
      expect(wrong.code, args.join(" ")).toBe(2);
      expect(wrong.stderr).toContain(`error: ${message}`);
      expect(wrong.stderr).toContain(`usage: npm run cli -- ${args[0]} `);
    });
  });

  it("will not write a PDF to a terminal", async () => {
    const org = await billedOrg(connection.db, fixture);
    // `script` gives the command a terminal for its standard output, as a person's shell would.
    const command = [
      tsx,
      "scripts/cli.ts",
      "bill",
      "--org",
      org.slug,
      "--month",
      BILL_MONTH,
      "--format",
      "pdf",
    ]
      .map((part) => `'${part}'`)
      .join(" ");
    const outcome = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        "script",
        ["-qefc", command, "/dev/null"],
        { cwd: root, env: { ...process.env, DATABASE_URL: url } },
        (error, stdout) =>
          resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, output: stdout }),
      );
    });
    expect(outcome.code).toBe(2);
    expect(outcome.output).toContain(
      "error: A PDF is not for a terminal: send it to a file, e.g. > bill.pdf.",
    );
    expect(outcome.output).not.toContain("%PDF");
  });

  it("shows the liability as of the end of a day in the org's time zone, or of an instant as given", async () => {
    const org = await createTestOrg(connection.db, { timeZone: "America/New_York" });
    const ana = await org.addPerson({ name: "Ana", department: "Sales" });
    await grantPoints(connection.db, org.admin.actor, {
      recipientIds: [ana.id],
      amount: 120,
      message: "Launch",
      idempotencyKey: key(),
    });
    const now = await cli(["liability", "--org", org.slug]);
    expect(now).toMatchObject({ code: 0, stderr: "" });
    expect(text(now)).toContain("  Earned, not redeemed  120 pts · $12.00\n");
    expect(text(now)).toContain("  Outstanding           120 pts · $12.00\n");
    expect(text(now)).toMatch(/ {2}Sales {2}1 person: earned 120 pts · \$12\.00, held 0 pts · \$0\.00\n/);

    // The end of 30 November in New York is 04:59:59.999 UTC on 1 December; the grant came later.
    const day = await cli(["liability", "--org", org.slug, "--as-of", "2026-11-30"]);
    expect(day.code).toBe(0);
    expect(text(day)).toContain(
      `Points liability of ${org.slug} as of Nov 30, 2026, 11:59:59 PM EST (2026-12-01T04:59:59.999Z)`,
    );
    expect(text(day)).toContain("  Outstanding           0 pts · $0.00\n");
    const instant = await cli(["liability", "--org", org.slug, "--as-of", "2026-11-30T12:00:00-05:00"]);
    expect(text(instant)).toContain("(2026-11-30T17:00:00.000Z)");

    const future = await cli(["liability", "--org", org.slug, "--as-of", "2999-01-01"]);
    expect(future).toMatchObject({ code: 1, stderr: "error: Choose a time that has passed.\n" });
  });
});
