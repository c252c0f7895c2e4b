import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { celebrationChannelText } from "../../slack/notifications/celebration-text";
import { noticeText } from "../../slack/notifications/notice-text";

const ID = "9b1c0000-0000-4000-8000-0000000000aa";
const PAGE = `<https://plaudit.acme.example/rewards/redemptions/${ID}|See it in Plaudit>`;

/** A payload as core's `redemptionNotice` writes it. */
function payload(extra: Record<string, unknown> = {}) {
  return {
    redemptionId: ID,
    rewardName: "Amazon.com gift card",
    brand: "Amazon.com",
    points: 5000,
    faceValueMinor: 50_000,
    currency: "USD",
    pointValue: { points: 10, minor: 100, currency: "USD" },
    requester: "Ana Lima",
    ...extra,
  };
}

describe("the direct message of each notice", () => {
  beforeEach(() => {
    vi.stubEnv("PLAUDIT_URL", "https://plaudit.acme.example");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("tells the person their reward went through, with its value and a link to it", () => {
    expect(noticeText("redemption.fulfilled", payload())).toBe(
      `Your redemption went through: *Amazon.com gift card* for 5,000 pts · $500.00. <https://plaudit.acme.example/rewards/redemptions/${ID}|Open it in Plaudit>`,
    );
  });

  it("quotes the reason of a refusal or failure, and says the points are back", () => {
    const reason = "Budget is frozen <until> Q3 & beyond.\nAsk again in July.";
    expect(noticeText("redemption.declined", payload({ reason }))).toBe(
      [
        "An admin declined your redemption of *Amazon.com gift card* (5,000 pts · $500.00), and the points are back in your balance.",
        ">Budget is frozen &lt;until&gt; Q3 &amp; beyond.",
        ">Ask again in July.",
        PAGE,
      ].join("\n"),
    );
    expect(noticeText("redemption.failed", payload({ reason: "The provider refused the order." }))).toBe(
      [
        "Your redemption of *Amazon.com gift card* (5,000 pts · $500.00) didn't go through, and the points are back in your balance.",
        ">The provider refused the order.",
        PAGE,
      ].join("\n"),
    );
    expect(noticeText("redemption.canceled", payload({ reason: "It could not be delivered." }))).toBe(
      [
        "Your *Amazon.com gift card* (5,000 pts · $500.00) was canceled, and the points are back in your balance.",
        ">It could not be delivered.",
        PAGE,
      ].join("\n"),
    );
  });

  it("tells the person a delivery failed and that an admin will sort it out", () => {
    expect(noticeText("redemption.delivery_failed", payload())).toBe(
      [
        "Your *Amazon.com gift card* (5,000 pts · $500.00) couldn't be delivered. An admin has been told, and will send it again or give your points back.",
        PAGE,
      ].join("\n"),
    );
  });

  it("asks an admin to approve, naming who asks and for what, linking to the approvals", () => {
    expect(noticeText("redemption.awaiting_approval", payload({ requester: "Ana <Lima>" }))).toBe(
      "Ana &lt;Lima&gt; asks to redeem 5,000 pts · $500.00 for *Amazon.com gift card*. <https://plaudit.acme.example/admin/rewards/approvals|Review it in Plaudit>",
    );
  });

  it("escapes a reward name typed by an admin, and shows custom rewards at their points' value", () => {
    const text = noticeText(
      "redemption.fulfilled",
      payload({ rewardName: "Lunch <with> the CEO & team", points: 300, faceValueMinor: 0 }),
    );
    expect(text).toContain("*Lunch &lt;with&gt; the CEO &amp; team* for 300 pts · $30.00.");
  });

  it("reminds of allowance left before month end, with its value, the day, and where to give", () => {
    const reminder = {
      left: 80,
      until: "2026-11-30",
      pointValue: { points: 10, minor: 100, currency: "USD" },
    };
    expect(noticeText("nudge.allowance_left", reminder)).toBe(
      [
        "You have 80 pts · $8.00 to give before Nov 30: they don't roll over. Who made your month? <https://plaudit.acme.example/|Give points>",
        "<https://plaudit.acme.example/settings|Change what Plaudit sends you>",
      ].join("\n"),
    );
  });

  it("sums up a manager's week, naming up to ten reports not thanked lately", () => {
    const week = {
      reports: 12,
      recognitions: 1,
      points: 25,
      notThanked: Array.from({ length: 12 }, (_, index) => `Person <${index + 1}>`),
      pointValue: { points: 10, minor: 100, currency: "USD" },
    };
    const text = noticeText("digest.team_weekly", week) ?? "";
    expect(text).toContain("Your team of 12 received 1 recognition this past week, 25 pts · $2.50 in all.");
    expect(text).toContain("Not thanked in the last 30 days: Person &lt;1&gt;, Person &lt;2&gt;");
    expect(text).toContain("Person &lt;10&gt; and 2 more.");
    expect(text).toContain("<https://plaudit.acme.example/team|Open your team>");
    const quietWeek = noticeText("digest.team_weekly", {
      ...week,
      recognitions: 0,
      points: 0,
      notThanked: [],
    });
    expect(quietWeek).toContain("Nobody on your team of 12 was recognized this past week.");
    expect(quietWeek).toContain("Everyone was thanked in the last 30 days.");
  });

  it("reads nothing it does not know: another kind, or a payload without its facts", () => {
    expect(noticeText("recognition.received", payload())).toBeNull();
    expect(noticeText("toString", payload())).toBeNull();
    expect(noticeText("redemption.fulfilled", { ...payload(), points: "5000" })).toBeNull();
    expect(noticeText("redemption.fulfilled", null)).toBeNull();
    expect(noticeText("nudge.allowance_left", { left: 0, until: "2026-11-30" })).toBeNull();
    expect(noticeText("digest.team_weekly", payload())).toBeNull();
  });
});

describe("a celebration's messages", () => {
  beforeEach(() => {
    vi.stubEnv("PLAUDIT_URL", "https://plaudit.acme.example");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const celebration = (extra: Record<string, unknown> = {}) => ({
    occasion: "work_anniversary",
    years: 3,
    points: 175,
    pointValue: { points: 10, minor: 100, currency: "USD" },
    celebratedOn: "2026-06-15",
    name: "Ana <Lima>",
    public: true,
    ...extra,
  });

  it("wishes the person well by direct message, with the points' value and their history", () => {
    expect(noticeText("celebration.direct", celebration())).toBe(
      ":tada: Happy 3rd work anniversary! Thank you for 3 years with us. The company gave you 175 pts · $17.50 to celebrate. <https://plaudit.acme.example/history|See it in Plaudit>",
    );
    expect(
      noticeText("celebration.direct", celebration({ occasion: "birthday", years: null, public: false })),
    ).toBe(
      [
        ":birthday: Happy birthday! The company gave you 175 pts · $17.50 to celebrate. <https://plaudit.acme.example/history|See it in Plaudit>",
        "You keep your celebrations private, so only you see this one. <https://plaudit.acme.example/settings|Change that in Settings>",
      ].join("\n"),
    );
  });

  it("announces in the channel by mention when Slack knows the person, else by their escaped name", () => {
    expect(celebrationChannelText(celebration(), "U0ANA")).toBe(
      ":tada: Happy 3rd work anniversary, <@U0ANA>! 175 pts · $17.50 from the company.",
    );
    expect(celebrationChannelText(celebration({ occasion: "birthday", years: null }), null)).toBe(
      ":birthday: Happy birthday, *Ana &lt;Lima&gt;*! 175 pts · $17.50 from the company.",
    );
    expect(celebrationChannelText({ ...celebration(), points: "175" }, null)).toBeNull();
  });
});
