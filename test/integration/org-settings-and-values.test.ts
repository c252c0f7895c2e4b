import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBalances } from "../../core/giving/get-balances";
import { type UpdateOrgSettingsInput, updateOrgSettings } from "../../core/org/update-org-settings";
import { createCompanyValue } from "../../core/values/create-company-value";
import { renameCompanyValue } from "../../core/values/rename-company-value";
import { retireCompanyValue } from "../../core/values/retire-company-value";
import { auditLog, companyValues, organizations, recognitionValues } from "../../db/schema";
import { defined, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";
import { giveAt } from "../support/giving";
import { openRewardShop } from "../support/redemptions";

const database = workerDatabase();
const november = () => new Date("2026-11-10T15:00:00Z");
const lateNovember = () => new Date("2026-11-20T15:00:00Z");

async function setup() {
  const { db } = await database();
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 100, timeZone: "America/New_York" });
  const manager = await org.addPerson({ roles: ["employee", "manager"] });
  const giver = await org.addPerson({ managerId: manager.id });
  const receiver = await org.addPerson();
  const finance = await org.addPerson({ roles: ["employee", "finance"] });
  return { db, org, manager, giver, receiver, finance };
}

async function remaining(
  db: Awaited<ReturnType<typeof setup>>["db"],
  actor: Parameters<typeof getBalances>[1],
) {
  return (await getBalances(db, actor, {}, lateNovember)).allowance.remaining;
}

describe("updating org settings", () => {
  it("changes only what is given, returns the new settings and audits before and after", async () => {
    const { db, org } = await setup();
    const settings = await updateOrgSettings(
      db,
      org.admin.actor,
      {
        name: "  Acme Corp ",
        timeZone: "Europe/Berlin",
        currency: "eur",
        pointValuePoints: 20,
        pointValueMinor: 150,
        minPointsPerRecognition: 5,
        maxPointsPerRecognition: 50,
        valuesMode: "required",
        leaverPolicy: "forfeit",
      },
      november,
    );
    expect(settings).toEqual({
      name: "Acme Corp",
      timeZone: "Europe/Berlin",
      currency: "EUR",
      pointValuePoints: 20,
      pointValueMinor: 150,
      defaultMonthlyAllowance: 100,
      managerAllowancePerReport: 0,
      managerAllowanceCeiling: 1000,
      minPointsPerRecognition: 5,
      maxPointsPerRecognition: 50,
      valuesMode: "required",
      leaverPolicy: "forfeit",
      slackRecognitionChannel: null,
      slackAutoProvision: false,
      birthdayPoints: null,
      anniversaryPoints: null,
      anniversaryPointsPerYear: 0,
      celebrationChannel: null,
    });
    const [row] = await db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row).toMatchObject(settings);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "organization.update_settings")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorPersonId: org.admin.id,
      targetId: org.id,
      before: { currency: "USD", pointValueMinor: 100, valuesMode: "optional", leaverPolicy: "keep" },
      after: { currency: "EUR", pointValueMinor: 150, valuesMode: "required", leaverPolicy: "forfeit" },
    });
    expect(defined(audits[0]).before).not.toHaveProperty("defaultMonthlyAllowance");
  });

  it("writes nothing when the settings given are the current ones", async () => {
    const { db, org } = await setup();
    const before = await db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    const settings = await updateOrgSettings(db, org.admin.actor, { currency: "USD", leaverPolicy: "keep" });
    expect(settings).toMatchObject({ currency: "USD", leaverPolicy: "keep" });
    expect(await db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).toEqual(before);
  });

  it("refuses each invalid setting with its field and writes nothing", async () => {
    const { db, org } = await setup();
    const cases: [UpdateOrgSettingsInput, string][] = [
      [{ name: "   " }, "name"],
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ currency: "US" }, "currency"],
      [{ currency: "US1" }, "currency"],
      [{ pointValuePoints: 0 }, "pointValuePoints"],
      [{ pointValuePoints: 2.5 }, "pointValuePoints"],
      [{ pointValueMinor: -1 }, "pointValueMinor"],
      [{ defaultMonthlyAllowance: -5 }, "defaultMonthlyAllowance"],
      [{ managerAllowancePerReport: -1 }, "managerAllowancePerReport"],
      [{ managerAllowancePerReport: 1.5 }, "managerAllowancePerReport"],
      [{ minPointsPerRecognition: 0 }, "minPointsPerRecognition"],
      [{ minPointsPerRecognition: 20, maxPointsPerRecognition: 10 }, "maxPointsPerRecognition"],
      // The current maximum is 100.
      [{ minPointsPerRecognition: 150 }, "minPointsPerRecognition"],
      [{ valuesMode: "sometimes" as "off" }, "valuesMode"],
      [{ leaverPolicy: "burn" as "keep" }, "leaverPolicy"],
      [{ slackRecognitionChannel: "#general" }, "slackRecognitionChannel"],
      [{ slackRecognitionChannel: "U0123ABCD" }, "slackRecognitionChannel"],
      [{ slackRecognitionChannel: "C01" }, "slackRecognitionChannel"],
      [{ slackRecognitionChannel: "" }, "slackRecognitionChannel"],
      [{ slackAutoProvision: "yes" as unknown as boolean }, "slackAutoProvision"],
      [{ birthdayPoints: 0 }, "birthdayPoints"],
      [{ birthdayPoints: 2.5 }, "birthdayPoints"],
      [{ anniversaryPoints: -10 }, "anniversaryPoints"],
      [{ anniversaryPointsPerYear: -1 }, "anniversaryPointsPerYear"],
      [{ anniversaryPointsPerYear: null as unknown as number }, "anniversaryPointsPerYear"],
      [{ celebrationChannel: "#party" }, "celebrationChannel"],
      [{}, "_"],
    ];
    for (const [input, field] of cases) {
      const error = await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
        updateOrgSettings(db, org.admin.actor, input, november),
      );
      expect(error.details.field, JSON.stringify(input)).toBe(field);
    }
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updateOrgSettings(db, org.admin.actor, { slug: "new-slug" } as UpdateOrgSettingsInput),
    );
  });

  it("sets, normalises and clears the Slack recognition channel and auto-provisioning, with an audit entry each", async () => {
    const { db, org } = await setup();
    const set = await updateOrgSettings(db, org.admin.actor, {
      slackRecognitionChannel: " c0123abcd ",
      slackAutoProvision: true,
    });
    expect(set).toMatchObject({ slackRecognitionChannel: "C0123ABCD", slackAutoProvision: true });
    const [row] = await db
      .select({
        channel: organizations.slackRecognitionChannel,
        autoProvision: organizations.slackAutoProvision,
      })
      .from(organizations)
      .where(eq(organizations.id, org.id));
    expect(row).toEqual({ channel: "C0123ABCD", autoProvision: true });

    const cleared = await updateOrgSettings(db, org.admin.actor, {
      slackRecognitionChannel: null,
      slackAutoProvision: true,
    });
    expect(cleared).toMatchObject({ slackRecognitionChannel: null, slackAutoProvision: true });
    const audits = await db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "organization.update_settings")))
      .orderBy(auditLog.id);
    expect(audits).toEqual([
      {
        before: { slackRecognitionChannel: null, slackAutoProvision: false },
        after: { slackRecognitionChannel: "C0123ABCD", slackAutoProvision: true },
      },
      // Auto-provisioning was already on: only the channel changed.
      { before: { slackRecognitionChannel: "C0123ABCD" }, after: { slackRecognitionChannel: null } },
    ]);
  });

  it("turns birthdays and anniversaries on and off, with their channel, and audits each change", async () => {
    const { db, org } = await setup();
    const on = await updateOrgSettings(db, org.admin.actor, {
      birthdayPoints: 50,
      anniversaryPoints: 100,
      anniversaryPointsPerYear: 25,
      celebrationChannel: " c0party99 ",
    });
    expect(on).toMatchObject({
      birthdayPoints: 50,
      anniversaryPoints: 100,
      anniversaryPointsPerYear: 25,
      celebrationChannel: "C0PARTY99",
    });
    const off = await updateOrgSettings(db, org.admin.actor, {
      birthdayPoints: null,
      celebrationChannel: null,
    });
    expect(off).toMatchObject({ birthdayPoints: null, anniversaryPoints: 100, celebrationChannel: null });
    const audits = await db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "organization.update_settings")))
      .orderBy(auditLog.id);
    expect(audits).toEqual([
      {
        before: {
          birthdayPoints: null,
          anniversaryPoints: null,
          anniversaryPointsPerYear: 0,
          celebrationChannel: null,
        },
        after: {
          birthdayPoints: 50,
          anniversaryPoints: 100,
          anniversaryPointsPerYear: 25,
          celebrationChannel: "C0PARTY99",
        },
      },
      {
        before: { birthdayPoints: 50, celebrationChannel: "C0PARTY99" },
        after: { birthdayPoints: null, celebrationChannel: null },
      },
    ]);
  });

  it("lets only admins change settings", async () => {
    const { db, org, manager, giver, finance } = await setup();
    for (const actor of [manager.actor, giver.actor, finance.actor, org.system]) {
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        updateOrgSettings(db, actor, { defaultMonthlyAllowance: 500 }, november),
      );
    }
  });

  it("applies a raised or lowered default allowance to this month, never below zero", async () => {
    const { db, org, giver, receiver, manager } = await setup();
    await giveAt(db, giver, [receiver], 80, { at: november() });
    // The receiver's and manager's months have not started: their accounts open at the new amount.
    await updateOrgSettings(db, org.admin.actor, { defaultMonthlyAllowance: 150 }, lateNovember);
    expect(await remaining(db, giver.actor)).toBe(70);
    expect(await remaining(db, receiver.actor)).toBe(150);
    await giveAt(db, giver, [receiver], 60, { at: lateNovember() });
    expect(await remaining(db, giver.actor)).toBe(10);

    await updateOrgSettings(db, org.admin.actor, { defaultMonthlyAllowance: 50 }, lateNovember);
    expect(await remaining(db, giver.actor)).toBe(0);
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_allowance", () =>
      giveAt(db, giver, [receiver], 1, { at: lateNovember() }),
    );
    await updateOrgSettings(db, org.admin.actor, { defaultMonthlyAllowance: 200 }, lateNovember);
    // 200 this month, 140 already given.
    expect(await remaining(db, giver.actor)).toBe(60);

    await giveAt(db, manager, [receiver], 10, { at: lateNovember() });
    expect(await remaining(db, manager.actor)).toBe(190);
    await updateOrgSettings(db, org.admin.actor, { managerAllowancePerReport: 25 }, lateNovember);
    // One active direct report.
    expect(await remaining(db, manager.actor)).toBe(215);
    await expectLedgerClean(db, org.id);
  });

  it("locks the point value and currency once the first redemption exists", async () => {
    const { db, org, giver, receiver } = await setup();
    await updateOrgSettings(db, org.admin.actor, { pointValuePoints: 20, pointValueMinor: 100 });
    await giveAt(db, giver, [receiver], 30);
    const shop = await openRewardShop(db, org);
    await shop.redeem(receiver, 20);
    for (const [input, field] of [
      [{ pointValueMinor: 200 }, "pointValueMinor"],
      [{ pointValuePoints: 10 }, "pointValuePoints"],
      [{ currency: "EUR", name: "Renamed" }, "currency"],
    ] as const) {
      const error = await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
        updateOrgSettings(db, org.admin.actor, input),
      );
      expect(error.details.field).toBe(field);
    }
    // Restating the locked values, and changing anything else, still works.
    const settings = await updateOrgSettings(db, org.admin.actor, {
      pointValuePoints: 20,
      pointValueMinor: 100,
      currency: "usd",
      name: "Still Acme",
    });
    expect(settings).toMatchObject({ pointValuePoints: 20, pointValueMinor: 100, name: "Still Acme" });
    await expectLedgerClean(db, org.id);
  });
});

describe("managing company values", () => {
  it("creates values from hashtags and refuses bad or duplicate names", async () => {
    const { db, org } = await setup();
    const value = await createCompanyValue(db, org.admin.actor, {
      name: " #Ownership ",
      description: "We own outcomes",
    });
    expect(value).toMatchObject({ name: "ownership", description: "We own outcomes", retiredAt: null });
    const fromSlack = await createCompanyValue(db, org.admin.actor, { name: "<#C123|Be-Kind>" });
    expect(fromSlack.name).toBe("be-kind");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.targetId, value.id)));
    expect(audit).toMatchObject({ action: "company_value.create", after: { name: "ownership" } });

    const duplicate = await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      createCompanyValue(db, org.admin.actor, { name: "#OWNERSHIP" }),
    );
    expect(duplicate.details.field).toBe("name");
    for (const name of ["", "#", "two words", "-leading-dash", "x".repeat(41), "émoji"]) {
      const error = await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
        createCompanyValue(db, org.admin.actor, { name }),
      );
      expect(error.details.field, name).toBe("name");
    }
  });

  it("allows the same name in another org", async () => {
    const { db, org } = await setup();
    const other = await createTestOrg(db);
    await createCompanyValue(db, org.admin.actor, { name: "ownership" });
    await expect(createCompanyValue(db, other.admin.actor, { name: "ownership" })).resolves.toMatchObject({
      name: "ownership",
    });
  });

  it("renames a value, and old recognitions show the new name", async () => {
    const { db, org, giver, receiver } = await setup();
    const value = await createCompanyValue(db, org.admin.actor, { name: "ownership" });
    await createCompanyValue(db, org.admin.actor, { name: "kindness" });
    const given = await giveAt(db, giver, [receiver], 5, { values: ["ownership"] });
    const renamed = await renameCompanyValue(db, org.admin.actor, {
      valueId: value.id,
      name: "#Accountability",
    });
    expect(renamed).toMatchObject({ id: value.id, name: "accountability" });
    const tagged = await db
      .select({ name: companyValues.name })
      .from(recognitionValues)
      .innerJoin(companyValues, eq(companyValues.id, recognitionValues.valueId))
      .where(eq(recognitionValues.recognitionId, given.recognitionId));
    expect(tagged).toEqual([{ name: "accountability" }]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "company_value.rename")));
    expect(audit).toMatchObject({
      before: { name: "ownership" },
      after: { name: "accountability" },
    });

    await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      renameCompanyValue(db, org.admin.actor, { valueId: value.id, name: "KINDNESS" }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      renameCompanyValue(db, org.admin.actor, { valueId: value.id, name: "no spaces please" }),
    );
    await expectLedgerClean(db, org.id);
  });

  it("retires a value for new recognitions only, and restores it", async () => {
    const { db, org, giver, receiver } = await setup();
    const value = await createCompanyValue(db, org.admin.actor, { name: "ownership" });
    const given = await giveAt(db, giver, [receiver], 5, { values: ["ownership"] });
    const retired = await retireCompanyValue(db, org.admin.actor, { valueId: value.id }, november);
    expect(retired.retiredAt).toEqual(november());
    // Retiring again keeps the first date and writes nothing.
    const again = await retireCompanyValue(db, org.admin.actor, { valueId: value.id }, lateNovember);
    expect(again.retiredAt).toEqual(november());

    await expectRefusedWithoutWrites(db, [org.id], "unknown_value", () =>
      giveAt(db, giver, [receiver], 5, { values: ["ownership"] }),
    );
    const kept = await db
      .select()
      .from(recognitionValues)
      .where(eq(recognitionValues.recognitionId, given.recognitionId));
    expect(kept).toHaveLength(1);
    // The name stays taken while retired.
    await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      createCompanyValue(db, org.admin.actor, { name: "ownership" }),
    );

    const restored = await retireCompanyValue(db, org.admin.actor, { valueId: value.id, restore: true });
    expect(restored.retiredAt).toBeNull();
    await giveAt(db, giver, [receiver], 5, { values: ["ownership"] });
    const audits = await db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.targetId, value.id)))
      .orderBy(auditLog.id);
    expect(audits.map((audit) => audit.action)).toEqual([
      "company_value.create",
      "company_value.retire",
      "company_value.restore",
    ]);
    expect(audits[2]).toMatchObject({
      before: { retiredAt: expect.any(String) },
      after: { retiredAt: null },
    });
    await expectLedgerClean(db, org.id);
  });

  it("treats another org's value as not found and refuses non-admins", async () => {
    const { db, org, manager } = await setup();
    const other = await createTestOrg(db);
    const theirs = await createCompanyValue(db, other.admin.actor, { name: "ownership" });
    await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
      renameCompanyValue(db, org.admin.actor, { valueId: theirs.id, name: "mine" }),
    );
    await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
      retireCompanyValue(db, org.admin.actor, { valueId: theirs.id }),
    );
    const ours = await createCompanyValue(db, org.admin.actor, { name: "ownership" });
    for (const actor of [manager.actor, org.system]) {
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        createCompanyValue(db, actor, { name: "teamwork" }),
      );
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        renameCompanyValue(db, actor, { valueId: ours.id, name: "teamwork" }),
      );
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        retireCompanyValue(db, actor, { valueId: ours.id }),
      );
    }
  });
});
