import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { moneyInputText, parseMoneyInput } from "../../app/_lib/money-input";
import { describeEntry, idsToName } from "../../app/(app)/admin/audit/describe-entry";
import { grantPoints } from "../../core/giving/grant-points";
import { listSpotAwards } from "../../core/giving/list-spot-awards";
import { getOrgSettings } from "../../core/org/get-org-settings";
import { listAuditLog } from "../../core/org/list-audit-log";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { getDisplayNames } from "../../core/people/get-display-names";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { updateCustomReward } from "../../core/rewards/update-custom-reward";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import { createCompanyValue } from "../../core/values/create-company-value";
import { listValueUsage } from "../../core/values/list-value-usage";
import { retireCompanyValue } from "../../core/values/retire-company-value";
import type { Database } from "../../db/client";
import { defined, expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";
import { openRewardShop } from "../support/redemptions";

const database = workerDatabase();
const NOBODY = "00000000-0000-4000-8000-000000000000";

/** An employee, a manager and a finance person: everyone who is not an admin. */
async function nonAdmins(org: TestOrg): Promise<TestPerson[]> {
  const manager = await org.addPerson({ roles: ["employee", "manager"] });
  const finance = await org.addPerson({ roles: ["employee", "finance"] });
  const employee = await org.addPerson();
  return [employee, manager, finance];
}

function grantAt(
  db: Database,
  org: TestOrg,
  recipients: TestPerson[],
  amount: number,
  at: string,
  message = "Spot",
) {
  return grantPoints(
    db,
    org.admin.actor,
    { recipientIds: recipients.map((person) => person.id), amount, message, idempotencyKey: key() },
    () => new Date(at),
  );
}

describe("getOrgSettings", () => {
  it("returns the settings an admin edits, with the point value unlocked until the first redemption", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, {
      timeZone: "Europe/Berlin",
      currency: "EUR",
      pointValuePoints: 20,
      pointValueMinor: 150,
      defaultMonthlyAllowance: 120,
      managerAllowancePerReport: 15,
      managerAllowanceCeiling: 1000,
      minPointsPerRecognition: 5,
      maxPointsPerRecognition: 60,
      valuesMode: "required",
      leaverPolicy: "forfeit",
    });
    await createTestOrg(db, { currency: "JPY" });

    expect(await getOrgSettings(db, org.admin.actor)).toEqual({
      name: `Org ${org.slug}`,
      timeZone: "Europe/Berlin",
      currency: "EUR",
      pointValuePoints: 20,
      pointValueMinor: 150,
      defaultMonthlyAllowance: 120,
      managerAllowancePerReport: 15,
      managerAllowanceCeiling: 1000,
      minPointsPerRecognition: 5,
      maxPointsPerRecognition: 60,
      valuesMode: "required",
      leaverPolicy: "forfeit",
      slackRecognitionChannel: null,
      slackAutoProvision: false,
      birthdayPoints: null,
      anniversaryPoints: null,
      anniversaryPointsPerYear: 0,
      celebrationChannel: null,
      pointValueLocked: false,
      slug: org.slug,
      slackWorkspaces: [],
    });
  });

  it("lists the org's own Slack workspaces and Slack settings, never another org's", async () => {
    vi.stubEnv("PLAUDIT_SECRET_KEY", "admin-reads-test-key");
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const { db } = await database();
    const org = await createTestOrg(db, { slackRecognitionChannel: "C0KUDOS", slackAutoProvision: true });
    const other = await createTestOrg(db);
    const installedAt = new Date("2026-04-01T10:00:00Z");
    const teamId = `T${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
    const install = { teamName: "Acme", botUserId: "UBOT", botToken: "xoxb-admin-reads" };
    await saveSlackInstallation(db, org.admin.actor, { ...install, teamId }, () => installedAt);
    await saveSlackInstallation(db, other.admin.actor, {
      ...install,
      teamId: `${teamId}X`,
      teamName: "Other",
    });

    expect(await getOrgSettings(db, org.admin.actor)).toMatchObject({
      slackRecognitionChannel: "C0KUDOS",
      slackAutoProvision: true,
      slackWorkspaces: [{ teamId, teamName: "Acme", installedAt }],
    });
    expect((await getOrgSettings(db, other.admin.actor)).slackWorkspaces.map((w) => w.teamName)).toEqual([
      "Other",
    ]);
  });

  it("reports the point value locked exactly when updateOrgSettings would refuse to change it", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, receiver] = await org.addPeople(2);
    await giveAt(db, defined(giver), [defined(receiver)], 30);
    expect((await getOrgSettings(db, org.admin.actor)).pointValueLocked).toBe(false);

    const shop = await openRewardShop(db, org);
    await shop.redeem(defined(receiver), 10);

    expect((await getOrgSettings(db, org.admin.actor)).pointValueLocked).toBe(true);
    await expectDomainError(updateOrgSettings(db, org.admin.actor, { pointValueMinor: 200 }), "conflict");
    // Another org's redemption locks nothing here.
    const other = await createTestOrg(db);
    expect((await getOrgSettings(db, other.admin.actor)).pointValueLocked).toBe(false);
  });

  it("refuses everyone but admins", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    for (const person of await nonAdmins(org)) {
      await expectDomainError(getOrgSettings(db, person.actor), "forbidden");
    }
    await expectDomainError(getOrgSettings(db, org.system), "forbidden");
  });
});

describe("listValueUsage", () => {
  it("lists active values then retired ones, alphabetically, with how many recognitions carry each", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    await org.addValues("teamwork", "candor", "ownership");
    await other.addValues("elsewhere");
    const [giver, receiver] = await org.addPeople(2);
    const [a, b] = [defined(giver), defined(receiver)];
    await giveAt(db, a, [b], 10, { values: ["ownership", "candor"] });
    await giveAt(db, a, [b], 10, { values: ["ownership"] });
    await giveAt(db, b, [a], 10, { values: ["teamwork"] });
    const { values: before } = await listValueUsage(db, org.admin.actor);
    const teamwork = defined(before.find((value) => value.name === "teamwork"));
    await retireCompanyValue(db, org.admin.actor, { valueId: teamwork.id });
    await createCompanyValue(db, org.admin.actor, { name: "Zeal", description: "Going all in" });

    const { values } = await listValueUsage(db, org.admin.actor);

    expect(values.map(({ name, usageCount, description }) => ({ name, usageCount, description }))).toEqual([
      { name: "candor", usageCount: 1, description: null },
      { name: "ownership", usageCount: 2, description: null },
      { name: "zeal", usageCount: 0, description: "Going all in" },
      { name: "teamwork", usageCount: 1, description: null },
    ]);
    expect(values.map((value) => value.retiredAt !== null)).toEqual([false, false, false, true]);
  });

  it("refuses everyone but admins", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    for (const person of await nonAdmins(org)) {
      await expectDomainError(listValueUsage(db, person.actor), "forbidden");
    }
  });
});

describe("listSpotAwards", () => {
  it("lists the org's company grants newest first with who made them and who received them", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { pointValuePoints: 10, pointValueMinor: 100 });
    const other = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const cleo = await org.addPerson({ name: "Cleo" });
    const ben = await org.addPerson({ name: "Ben" });
    const outsider = await other.addPerson();
    await grantAt(db, org, [ana], 50, "2026-03-01T10:00:00Z", "Launch");
    await grantAt(db, org, [cleo, ana, ben], 20, "2026-03-02T10:00:00Z", "Offsite");
    await grantPoints(db, org.system, {
      recipientIds: [ben.id],
      amount: 5,
      message: "Anniversary",
      idempotencyKey: key(),
    });
    await giveAt(db, ana, [ben], 10, { at: "2026-03-03T10:00:00Z" });
    await grantAt(db, other, [outsider], 70, "2026-03-04T10:00:00Z");

    const { awards, pointValue } = await listSpotAwards(db, org.admin.actor);

    expect(pointValue).toEqual({ points: 10, minor: 100, currency: "USD" });
    expect(awards.map((award) => award.message)).toEqual(["Anniversary", "Offsite", "Launch"]);
    const offsite = defined(awards[1]);
    expect(offsite).toMatchObject({
      amountPerRecipient: 20,
      totalAmount: 60,
      awardedBy: { id: org.admin.id, name: "Admin" },
      recipients: [
        { id: ana.id, name: "Ana" },
        { id: ben.id, name: "Ben" },
        { id: cleo.id, name: "Cleo" },
      ],
    });
    expect(new Date(offsite.createdAt).toISOString()).toBe("2026-03-02T10:00:00.000Z");
    expect(defined(awards[0]).awardedBy).toBeNull();
    expect((await listSpotAwards(db, org.admin.actor, { limit: 1 })).awards).toHaveLength(1);
  });

  it("refuses people who may not grant points", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    for (const person of await nonAdmins(org)) {
      await expectDomainError(listSpotAwards(db, person.actor), "forbidden");
    }
    await expectDomainError(listSpotAwards(db, org.admin.actor, { limit: 0 }), "invalid");
  });
});

describe("getDisplayNames", () => {
  it("names the org's people, leavers included, and its values; other orgs' ids are left out", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const viewer = await org.addPerson();
    const ana = await org.addPerson({ name: "Ana" });
    const gone = await org.addPerson({ name: "Gone", active: false });
    const outsider = await other.addPerson({ name: "Outsider" });
    await org.addValues("ownership");
    await other.addValues("elsewhere");
    const [ownership] = (await listValueUsage(db, org.admin.actor)).values;
    const [elsewhere] = (await listValueUsage(db, other.admin.actor)).values;

    const names = await getDisplayNames(db, viewer.actor, {
      people: [ana.id, gone.id, outsider.id, NOBODY, ana.id],
      values: [defined(ownership).id, defined(elsewhere).id],
    });

    expect(names).toEqual({
      people: { [ana.id]: "Ana", [gone.id]: "Gone" },
      values: { [defined(ownership).id]: "ownership" },
    });
    expect(await getDisplayNames(db, viewer.actor, {})).toEqual({ people: {}, values: {} });
  });

  it("refuses malformed ids and actors outside any org", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await expectDomainError(getDisplayNames(db, org.admin.actor, { people: ["not-an-id"] }), "invalid");
    await expectDomainError(getDisplayNames(db, { kind: "operator" }, { people: [] }), "forbidden");
  });
});

describe("audit entries as the audit page shows them", () => {
  it("reads a settings change as labelled before and after values with money beside points", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "America/New_York", defaultMonthlyAllowance: 100 });
    await updateOrgSettings(db, org.admin.actor, {
      defaultMonthlyAllowance: 150,
      pointValueMinor: 200,
      valuesMode: "required",
    });
    const { entries } = await listAuditLog(db, org.admin.actor, { limit: 1 });
    const entry = defined(entries[0]);
    const context = {
      names: { people: {}, values: {} },
      timeZone: "America/New_York",
      pointValue: { points: 10, minor: 200, currency: "USD" },
    };

    const described = describeEntry(entry, context);

    expect(described.verb).toBe("changed the settings");
    expect(described.target).toBeNull();
    // In the order the settings form shows them, whatever order the database keeps the JSON keys in.
    expect(described.changes).toEqual([
      {
        field: "pointValueMinor",
        label: "Point value: money",
        before: "$1.00",
        after: "$2.00",
      },
      {
        field: "defaultMonthlyAllowance",
        label: "Monthly allowance per person",
        before: "100 pts · $20.00",
        after: "150 pts · $30.00",
      },
      { field: "valuesMode", label: "Company values", before: "Optional", after: "Required" },
    ]);
  });

  it("reads the Slack settings and a Slack install in words", async () => {
    vi.stubEnv("PLAUDIT_SECRET_KEY", "admin-reads-test-key");
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "UTC" });
    await updateOrgSettings(db, org.admin.actor, {
      slackRecognitionChannel: "C0KUDOS",
      slackAutoProvision: true,
    });
    await saveSlackInstallation(db, org.admin.actor, {
      teamId: `T${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
      teamName: "Acme",
      botUserId: "UBOT",
      botToken: "xoxb-admin-reads",
    });
    const { entries } = await listAuditLog(db, org.admin.actor, { limit: 2 });
    const context = {
      names: { people: {}, values: {} },
      timeZone: "UTC",
      pointValue: { points: 10, minor: 100, currency: "USD" },
    };
    const [install, settings] = entries.map((entry) => describeEntry(entry, context));

    expect(settings?.verb).toBe("changed the settings");
    expect(settings?.changes).toEqual([
      {
        field: "slackRecognitionChannel",
        label: "Slack recognition channel",
        before: null,
        after: "C0KUDOS",
      },
      { field: "slackAutoProvision", label: "Add people from Slack", before: "No", after: "Yes" },
    ]);
    expect(install?.verb).toBe("connected Slack");
    expect(install?.changes[0]).toEqual({
      field: "teamName",
      label: "Slack workspace",
      before: null,
      after: "Acme",
    });
    expect(JSON.stringify(install)).not.toContain("xoxb-");
  });

  it("reads reward settings and custom rewards in words, without row ids or keys", async () => {
    vi.stubEnv("PLAUDIT_SECRET_KEY", "admin-reads-test-key");
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "UTC" });
    await updateRewardSettings(db, org.admin.actor, {
      provider: "tremendous",
      apiKey: "TEST_admin_reads_key_1234",
      approvalThreshold: 500,
    });
    const hoodie = await createCustomReward(db, org.admin.actor, { name: "Hoodie", pointsPrice: 200 });
    await updateCustomReward(db, org.admin.actor, {
      customRewardId: hoodie.id,
      name: "Hoodie",
      pointsPrice: 250,
      internalCostMinor: 4100,
    });
    const { entries } = await listAuditLog(db, org.admin.actor, { limit: 3 });
    const context = {
      names: { people: {}, values: {} },
      timeZone: "UTC",
      pointValue: { points: 10, minor: 100, currency: "USD" },
    };
    const [edit, , settings] = entries.map((entry) => describeEntry(entry, context));

    expect(settings?.verb).toBe("changed the reward settings");
    expect(settings?.changes).toEqual(
      expect.arrayContaining([
        { field: "provider", label: "Provider", before: "Built-in sandbox", after: "Tremendous" },
        { field: "apiKey", label: "API key", before: null, after: "set" },
        {
          field: "approvalThreshold",
          label: "Approval needed over",
          before: null,
          after: "500 pts · $50.00",
        },
      ]),
    );
    expect(JSON.stringify(settings)).not.toContain("TEST_admin_reads_key");
    expect(edit?.verb).toBe("edited the custom reward");
    expect(edit?.target).toBe("“Hoodie”");
    // Only what changed: no row ids, nothing that was empty before and after (the stock, retirement).
    expect(edit?.changes).toEqual([
      { field: "internalCostMinor", label: "Cost to the company", before: null, after: "$41.00" },
      { field: "pointsPrice", label: "Price", before: "200 pts · $20.00", after: "250 pts · $25.00" },
    ]);
  });

  it("names the person an entry is about and leaves unchanged context out", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "UTC" });
    const leaver = await org.addPerson({ name: "Lee" });
    await deactivatePerson(
      db,
      org.admin.actor,
      { personId: leaver.id },
      () => new Date("2026-05-04T09:30:00Z"),
    );
    const { entries } = await listAuditLog(db, org.admin.actor, { limit: 1 });
    const entry = defined(entries[0]);
    const names = await getDisplayNames(db, org.admin.actor, idsToName(entries));

    const described = describeEntry(entry, {
      names,
      timeZone: "UTC",
      pointValue: { points: 10, minor: 100, currency: "USD" },
    });

    expect(described.verb).toBe("deactivated");
    expect(described.target).toBe("Lee");
    expect(described.changes.find((change) => change.field === "active")).toEqual({
      field: "active",
      label: "Active",
      before: "Yes",
      after: "No",
    });
    expect(described.changes.find((change) => change.field === "deactivatedAt")?.after).toBe(
      "May 4, 2026, 9:30 AM UTC",
    );
  });
});

describe("parseMoneyInput", () => {
  it("reads decimal text as exact minor units of the currency", () => {
    expect(parseMoneyInput("0.29", "USD")).toEqual({ ok: true, minor: 29 });
    expect(parseMoneyInput(" 1 ", "USD")).toEqual({ ok: true, minor: 100 });
    expect(parseMoneyInput(".5", "EUR")).toEqual({ ok: true, minor: 50 });
    expect(parseMoneyInput("1.", "USD")).toEqual({ ok: true, minor: 100 });
    expect(parseMoneyInput("150", "JPY")).toEqual({ ok: true, minor: 150 });
    expect(parseMoneyInput("1.234", "BHD")).toEqual({ ok: true, minor: 1234 });
    expect(parseMoneyInput("9007199254740993.00", "USD")).toEqual({
      ok: true,
      minor: Number.MAX_SAFE_INTEGER,
    });
  });

  it("refuses text that is not an amount, or has more decimals than the currency", () => {
    expect(parseMoneyInput("1.005", "USD")).toEqual({
      ok: false,
      message: "USD amounts have at most 2 decimal places.",
    });
    expect(parseMoneyInput("1.5", "JPY")).toEqual({ ok: false, message: "JPY amounts are whole numbers." });
    for (const text of ["", ".", "-1", "1,50", "abc", "1e3", "$1"]) {
      expect(parseMoneyInput(text, "USD")).toEqual({ ok: false, message: "Enter an amount like 1.00." });
    }
  });

  it("writes minor units back as the text the field shows", () => {
    expect(moneyInputText(150, "USD")).toBe("1.50");
    expect(moneyInputText(5, "USD")).toBe("0.05");
    expect(moneyInputText(150, "JPY")).toBe("150");
    expect(moneyInputText(1234, "BHD")).toBe("1.234");
    for (const minor of [0, 7, 29, 100, 123456]) {
      expect(parseMoneyInput(moneyInputText(minor, "USD"), "USD")).toEqual({ ok: true, minor });
    }
  });
});
