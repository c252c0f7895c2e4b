import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { billCsvChunks } from "../../core/billing/bill-files";
import { exportBill } from "../../core/billing/export-bill";
import { getBill } from "../../core/billing/get-bill";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { updatePerson } from "../../core/people/update-person";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";
import { expectDomainError } from "../support/assertions";
import {
  type BillingOrg,
  billOf,
  cardFulfilledAt,
  closeAt,
  collect,
  createBillingOrg,
  csvLines,
  handedOverAt,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Every file of the closed March bill, as bytes: from the bill's own CSV writer, and both exports. */
async function filesOf(db: Database, org: BillingOrg) {
  const bill = await billOf(db, org.id, "2025-03");
  const exported = async (format: "csv" | "json") => {
    const file = await exportBill(db, org.finance.actor, { period: "2025-03", format });
    return { fileName: file.fileName, bytes: Buffer.from(await collect(file.chunks), "utf8") };
  };
  return {
    csv: Buffer.from(await collect(billCsvChunks(db, bill)), "utf8"),
    exportedCsv: await exported("csv"),
    exportedJson: await exported("json"),
  };
}

describe("a closed bill", () => {
  it("re-exports byte-identically after the person, the org and its settings all change", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const ana = await org.hire({
      name: "Ana Lima",
      department: "Sales",
      costCenter: "CC-100",
      externalEmployeeId: "E-0042",
    });
    await handedOverAt(db, org, ana, new Date("2025-03-05T15:00:00Z"), { internalCostMinor: 1999 });
    await cardFulfilledAt(db, fixture, org, ana, new Date("2025-03-10T15:00:00Z"));
    const closed = await closeAt(db, org, "2025-03", new Date("2025-04-02T12:00:00Z"));
    const before = await filesOf(db, org);
    const totalsBefore = (await getBill(db, org.finance.actor, { period: "2025-03" })).totals;
    expect(sha256(before.csv)).toBe(closed.csvSha256);
    expect(before.exportedCsv.bytes).toEqual(before.csv);
    expect(before.exportedCsv.fileName).toBe(`${closed.number}.csv`);
    expect(csvLines(before.csv.toString("utf8"))).toMatchObject([
      { person_name: "Ana Lima", department: "Sales", cost_center: "CC-100", external_employee_id: "E-0042" },
      { person_name: "Ana Lima", department: "Sales", cost_center: "CC-100", external_employee_id: "E-0042" },
    ]);

    await updatePerson(db, org.admin.actor, {
      personId: ana.id,
      name: "Ana Lima-Okafor",
      email: `ana.okafor@${org.slug}.test`,
      department: "Marketing",
      costCenter: "CC-200",
      externalEmployeeId: "E-9000",
    });
    await updateOrgSettings(db, org.admin.actor, { name: "Renamed Holdings", timeZone: "Asia/Tokyo" });
    await updateBillingSettings(db, org.finance.actor, {
      closeAfterDays: 12,
      taxableKinds: ["gift_card", "charity", "custom"],
    });
    // The one setting a closed bill's files show that could change is refused once a bill has closed.
    await expectDomainError(
      updateBillingSettings(db, org.finance.actor, { numberPrefix: "RENAMED" }),
      "conflict",
    );

    const after = await filesOf(db, org);
    expect(after.csv.equals(before.csv)).toBe(true);
    expect(sha256(after.csv)).toBe(closed.csvSha256);
    expect(after.exportedCsv).toEqual(before.exportedCsv);
    expect(after.exportedJson).toEqual(before.exportedJson);
    const view = await getBill(db, org.finance.actor, { period: "2025-03" });
    expect(view.totals).toEqual(totalsBefore);
    expect(view.bill).toEqual(closed);

    // The JSON twin carries the same lines, and each export of the closed bill was audited.
    const json = JSON.parse(after.exportedJson.bytes.toString("utf8"));
    expect(json.bill).toMatchObject({ number: closed.number, csv_sha256: closed.csvSha256 });
    expect(json.lines.map((line: { person: { name: string } }) => line.person.name)).toEqual([
      "Ana Lima",
      "Ana Lima",
    ]);
    const exports = (
      await db.select().from(auditLog).where(eq(auditLog.orgId, org.id)).orderBy(auditLog.id)
    ).filter((entry) => entry.action === "bill.export");
    expect(exports.map((entry) => entry.after)).toEqual([
      { number: closed.number, format: "csv" },
      { number: closed.number, format: "json" },
      { number: closed.number, format: "csv" },
      { number: closed.number, format: "json" },
    ]);
  });
});
