import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { billCsvChunks } from "../../core/billing/bill-files";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { defined } from "../support/assertions";
import {
  billOf,
  cancelAt,
  cardFulfilledAt,
  closeAt,
  collect,
  createBillingOrg,
  csvLines,
  exportedCsv,
  handedOverAt,
  hireBouncing,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/** The header row, in the order the issue fixes for every bill: what importers are set up against. */
const HEADER =
  "bill_number,line,line_type,redemption_id,requested_at,fulfilled_at,fulfilled_date,person_id,external_employee_id,person_name,person_email,department,cost_center,reward_kind,brand,reward_name,provider,provider_order_id,provider_reward_id,product_id,points,point_value_points,point_value_amount,face_value,billed_amount,fee,internal_cost,currency,status,refers_to_bill,refers_to_line";

/** Names as people really have them, and as someone hoping a spreadsheet runs them would write them. */
const NAMES: { name: string; cell: string }[] = [
  { name: "Lima, Ana", cell: "Lima, Ana" },
  { name: 'Jane "JJ" Doe', cell: 'Jane "JJ" Doe' },
  { name: "Line one\nLine two", cell: "Line one\nLine two" },
  { name: "Zoë 🎉 Ünal 👩🏽‍💻", cell: "Zoë 🎉 Ünal 👩🏽‍💻" },
  { name: "=SUM(A1)", cell: "'=SUM(A1)" },
  { name: "+1", cell: "'+1" },
  { name: "-2", cell: "'-2" },
  { name: "@x", cell: "'@x" },
  { name: "\tTabbed", cell: "'\tTabbed" },
  { name: "\rReturned", cell: "'\rReturned" },
];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("a bill's CSV read back by a real parser", () => {
  it("keeps every name exactly, neutralises formula-like text, and leaves money as numbers", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const same = new Date("2025-03-20T15:00:00Z");
    const made: { id: string; at: Date; type: "charge" | "credit"; cell: string }[] = [];
    for (const [index, { name, cell }] of NAMES.entries()) {
      // The people's table takes what an HR import or a Slack profile may bring, untrimmed.
      const person = await org.addPerson({ name, department: `=HYPERLINK("x")` });
      // Two fulfilments share one instant: the redemption's id then orders them.
      const at = index < 2 ? same : new Date(Date.parse("2025-03-01T15:00:00Z") + index * 3_600_000);
      const reward = { name: index === 0 ? "@reward" : "Extra day off", internalCostMinor: 1999 };
      const { id } = await handedOverAt(db, org, person, at, reward);
      made.push({ id, at, type: "charge", cell });
    }
    const bouncing = await hireBouncing(org, "Lima, Ana");
    const cardAt = new Date("2025-03-25T15:00:00Z");
    const amazon = { productId: "AMZNUS000001", faceValueMinor: 1250 };
    const card = await cardFulfilledAt(db, fixture, org, bouncing, cardAt, amazon);
    made.push({ id: card.id, at: cardAt, type: "charge", cell: "Lima, Ana" });
    const canceledAt = new Date("2025-03-27T15:00:00Z");
    await cancelAt(db, fixture, org, card, canceledAt);
    made.push({ id: card.id, at: canceledAt, type: "credit", cell: "Lima, Ana" });

    const text = await exportedCsv(db, org.finance.actor, "2025-03");
    // RFC 4180: the header row in its fixed order, CRLF after every record, and no line break outside
    // quotes but those (a newline inside a quoted name is the name's own).
    const records: string[][] = parse(text, { record_delimiter: "\r\n" });
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(records[0]).toEqual(HEADER.split(","));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/"(?:[^"]|"")*"/g, "").match(/[^\r]\n/g)).toBeNull();

    const lines = csvLines(text);
    // The bill's order: when each line was put on it, then the redemption's id.
    const order = made.toSorted((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
    expect(lines.map((line) => [line.line, line.redemption_id, line.line_type, line.person_name])).toEqual(
      order.map((each, index) => [String(index + 1), each.id, each.type, each.cell]),
    );
    for (const line of lines) {
      expect(line.requested_at).toMatch(ISO_INSTANT);
      expect(line.fulfilled_at).toMatch(ISO_INSTANT);
      expect(line.fulfilled_date).toMatch(/^2025-03-\d{2}$/);
    }
    const custom = lines.filter((line) => line.reward_kind === "custom");
    expect(new Set(custom.map((line) => line.department))).toEqual(new Set([`'=HYPERLINK("x")`]));
    expect(custom.find((line) => line.redemption_id === made[0]?.id)?.reward_name).toBe("'@reward");
    expect(custom[0]).toMatchObject({
      points: "30",
      face_value: "0.00",
      billed_amount: "0.00",
      internal_cost: "19.99",
      point_value_amount: "1.00",
    });
    const credit = defined(lines.find((line) => line.line_type === "credit"));
    expect(credit).toMatchObject({
      points: "-125",
      face_value: "-12.50",
      billed_amount: "-12.50",
      fee: "0.00",
      internal_cost: "",
      currency: "USD",
      status: "canceled",
      refers_to_line: defined(lines.find((line) => line.redemption_id === card.id)).line,
    });

    // Made again, the draft is the same bytes; closed, it keeps its order and gains its number.
    expect(await exportedCsv(db, org.finance.actor, "2025-03")).toBe(text);
    const closed = await closeAt(db, org, "2025-03", new Date("2025-04-02T12:00:00Z"));
    const final = await collect(billCsvChunks(db, await billOf(db, org.id, "2025-03")));
    expect(createHash("sha256").update(final, "utf8").digest("hex")).toBe(closed.csvSha256);
    expect(csvLines(final)).toEqual(
      lines.map((line) => ({
        ...line,
        bill_number: closed.number,
        refers_to_bill: line.line_type === "credit" ? closed.number : "",
      })),
    );
  });

  it("writes amounts with the exponent of the org's currency and no grouping", async () => {
    const { db } = await database();
    for (const [currency, internalCost, cell] of [
      ["JPY", 1_234_567, "1234567"],
      ["BHD", 1_234_567, "1234.567"],
      ["EUR", 1_234_567, "12345.67"],
    ] as const) {
      const org = await createBillingOrg(db, fixture, { timeZone: "Europe/Berlin" });
      await updateOrgSettings(db, org.admin.actor, { currency });
      const person = await org.hire();
      await handedOverAt(db, org, person, new Date("2025-03-20T15:00:00Z"), {
        internalCostMinor: internalCost,
      });
      const [line] = csvLines(await exportedCsv(db, org.finance.actor, "2025-03"));
      expect(line, currency).toMatchObject({ currency, internal_cost: cell });
    }
  });
});
