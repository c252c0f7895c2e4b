import { describe, expect, it } from "vitest";
import type { Balances } from "../../core/giving/get-balances";
import type { NotificationPreferences } from "../../core/nudges/get-notification-preferences";
import { appUrl } from "../../core/shared/public-url";
import { homeView, reminderChange } from "../../slack/blocks/home-view";

const balances: Balances = {
  personId: "5d2a0000-0000-4000-8000-000000000001",
  period: "2026-03",
  pointValue: { points: 10, minor: 100, currency: "USD" },
  allowance: { remaining: 85, remainingMinor: 850, total: 100, given: 15 },
  earned: { balance: 5000, balanceMinor: 50_000 },
};

type Block = { type: string; block_id?: string; fields?: { text: string }[]; elements?: unknown[] };

const preferences = {
  allowanceReminders: true,
  teamDigest: false,
  publicCelebrations: true,
  hasReports: true,
  slackLinked: true,
};

function blocksOf(rewardsUrl: string, shown: NotificationPreferences = preferences): Block[] {
  return homeView({ balances, received: [], rewardsUrl, preferences: shown }).blocks as Block[];
}

describe("App Home", () => {
  it("shows the earned balance with its money value beside what is left to give", () => {
    const [, figures] = blocksOf("https://plaudit.acme.example/rewards");
    expect(figures?.fields?.map((field) => field.text)).toEqual([
      "*Left to give this month*\n85 pts · $8.50",
      "*Earned*\n5,000 pts · $500.00",
    ]);
  });

  it("links the Redeem rewards button to the web Rewards page, beside Give points", () => {
    const actions = blocksOf("https://plaudit.acme.example/rewards").find(
      (block) => block.block_id === "home_actions",
    );
    expect(actions?.elements).toEqual([
      expect.objectContaining({ action_id: "open_give_modal", style: "primary" }),
      {
        type: "button",
        action_id: "open_rewards",
        url: "https://plaudit.acme.example/rewards",
        text: { type: "plain_text", text: "Redeem rewards" },
      },
    ]);
  });
});

describe("App Home's reminders", () => {
  const buttons = (shown: NotificationPreferences) =>
    blocksOf("https://x.test/rewards", shown).flatMap((block) => {
      const { text, accessory } = block as { text?: { text: string }; accessory?: { value: string } };
      return accessory ? [{ text: text?.text, value: accessory.value }] : [];
    });

  it("say whether each is on, with a button to turn it the other way; the digest only for a manager", () => {
    expect(buttons(preferences)).toEqual([
      {
        text: "*Month-end reminder: on*\nA direct message three days before the month ends, while you have points to give.",
        value: "allowanceReminders:off",
      },
      {
        text: "*Weekly team digest: off*\nA direct message on Monday mornings: your reports' recognition, and who hasn't been thanked lately.",
        value: "teamDigest:on",
      },
      {
        text: "*Public celebrations: on*\nYour birthday and work anniversaries in the feed and the celebration channel. Off, you still get the points and a direct message.",
        value: "publicCelebrations:off",
      },
    ]);
    expect(buttons({ ...preferences, hasReports: false }).map((button) => button.value)).toEqual([
      "allowanceReminders:off",
      "publicCelebrations:off",
    ]);
  });

  it("read a button's value as the change it asks for, and nothing else", () => {
    expect(reminderChange("allowanceReminders:off")).toEqual({ allowanceReminders: false });
    expect(reminderChange("teamDigest:on")).toEqual({ teamDigest: true });
    expect(reminderChange("publicCelebrations:off")).toEqual({ publicCelebrations: false });
    for (const value of ["", "teamDigest", "teamDigest:maybe", "roles:on", "toString:on", "a:b:c"]) {
      expect(reminderChange(value), value).toBeNull();
    }
  });
});

describe("the app's public URL", () => {
  it("is PLAUDIT_URL, else AUTH_URL's origin, else the local server on PORT", () => {
    expect(
      appUrl("/rewards", { PLAUDIT_URL: "https://plaudit.acme.example/", AUTH_URL: "https://x.test" }),
    ).toBe("https://plaudit.acme.example/rewards");
    expect(appUrl("/rewards", { AUTH_URL: "https://acme.example/api/auth" })).toBe(
      "https://acme.example/rewards",
    );
    expect(appUrl("/admin/rewards/approvals", { PORT: "4123" })).toBe(
      "http://localhost:4123/admin/rewards/approvals",
    );
    expect(appUrl("/rewards", {})).toBe("http://localhost:3000/rewards");
  });
});
