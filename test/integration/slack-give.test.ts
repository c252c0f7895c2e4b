import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createCampaign } from "../../core/campaigns/create-campaign";
import { getBalances } from "../../core/giving/get-balances";
import { loadOrgContext } from "../../core/org/org-context";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { localDay } from "../../core/shared/periods";
import type { Database } from "../../db/client";
import { type organizations, people } from "../../db/schema";
import { SAVE_DEADLINE_MS } from "../../slack/give/save-deadline";
import { GIVE_USAGE } from "../../slack/parse-give";
import { slashCommand } from "../../testing/slack-requests";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestPerson } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";
import { giveAt } from "../support/giving";
import {
  CHANNEL,
  connectSlackOrg,
  type Member,
  messageEvent,
  newTs,
  type Workspace,
} from "../support/slack-org";
import { slackRoute } from "../support/slack-route";
import { newSlackId } from "../support/slack-workspace";
import { holdAllowanceLock, holdWorkspaceLookup, pause, SLACK_GIVES_UP_MS } from "../support/slow-database";

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

const database = workerDatabase();
// Multi-workspace mode: every test binds its own org to a workspace of its own, so tests never meet.
const route = slackRoute({ SLACK_BOT_TOKEN: undefined, PLAUDIT_SECRET_KEY: "slack-give-test" });

const slackOrg = (db: Database, settings: Partial<typeof organizations.$inferInsert> = {}) =>
  connectSlackOrg(db, route, settings);
interface Sent {
  channelId?: string;
  triggerId?: string;
  headers?: Record<string, string>;
}

function command(workspace: Workspace, userId: string, text: string, sent: Sent = {}): Request {
  return slashCommand(
    {
      text,
      userId,
      teamId: workspace.teamId,
      channelId: sent.channelId ?? CHANNEL,
      triggerId: sent.triggerId,
    },
    { headers: sent.headers },
  );
}

/** Runs a slash command to the end, as Slack and Next would: the response, then the work after it. */
async function slash(workspace: Workspace, userId: string, text: string, sent: Sent = {}): Promise<Response> {
  const response = await route().post(command(workspace, userId, text, sent));
  await route().settle();
  return response;
}

async function post(workspace: Workspace, event: Record<string, unknown>): Promise<Response> {
  const response = await route().post(messageEvent(workspace, event));
  await route().settle();
  return response;
}

/** Every recognition the person gave, with whom it thanked, its values and the ledger key it took. */
async function recognitionsBy(db: Database, giverId: string) {
  return db.execute<{
    source: string;
    message: string;
    amount: number;
    total: number;
    recipients: string[];
    values: string[];
    key: string;
  }>(sql`
    select r.source, r.message, r.amount_per_recipient as amount, r.total_amount as total,
           array(select rr.person_id::text from recognition_recipients rr
                 where rr.recognition_id = r.id order by rr.person_id) as recipients,
           array(select v.name from recognition_values rv join company_values v on v.id = rv.value_id
                 where rv.recognition_id = r.id order by v.name) as values,
           t.idempotency_key as key
    from recognitions r join ledger_transactions t on t.id = r.transaction_id
    where r.giver_id = ${giverId}::uuid order by r.created_at`);
}

async function emailOf(db: Database, personId: string): Promise<string> {
  const [row] = await db.select({ email: people.email }).from(people).where(eq(people.id, personId));
  return defined(row, "person").email;
}

const sortedIds = (...persons: TestPerson[]) => persons.map((person) => person.id).sort();

/** An acknowledgement that only the person who typed the command sees. */
const privately = (text: string) => ({ response_type: "ephemeral", text });

describe("/give", () => {
  it("gives to mentions followed by the amount, with 'for' and a #value, and tells everyone concerned", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    await workspace.org.addValues("ownership");
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const ben = await workspace.member({ name: "Ben" });
    await giveAt(db, await workspace.org.addPerson(), [ana], 15);
    const triggerId = `trigger-${randomUUID()}`;

    const response = await slash(
      workspace,
      giver.slackId,
      `${ana.mention} ${ben.mention} 10 for the launch #ownership`,
      { triggerId },
    );

    const [gil, a, b] = [giver, ana, ben].map((member) => `<@${member.slackId}>`);
    expect(response.status).toBe(200);
    // The giver's confirmation is the acknowledgement itself: the give was saved before it.
    expect(await response.json()).toEqual(
      privately(`You gave 20 pts · $2.00 to ${a} and ${b}. You have 80 pts · $8.00 left to give this month.`),
    );
    expect(await recognitionsBy(db, giver.id)).toEqual([
      {
        source: "slack",
        message: "the launch #ownership",
        amount: 10,
        total: 20,
        recipients: sortedIds(ana, ben),
        values: ["ownership"],
        key: `slack:command:${workspace.teamId}:${triggerId}`,
      },
    ]);
    await expectLedgerClean(db, workspace.org.id);
    expect(workspace.ephemerals()).toEqual([]);
    expect(workspace.publicPosts()).toEqual([
      { channel: CHANNEL, text: `:tada: ${gil} gave ${a} and ${b} 10 pts each: the launch #ownership` },
    ]);
    expect(workspace.directMessages()).toEqual(
      [
        {
          channel: `D${ana.slackId}`,
          text: `${gil} gave you 10 pts · $1.00: the launch #ownership\nYou now have 25 pts · $2.50 earned.`,
        },
        {
          channel: `D${ben.slackId}`,
          text: `${gil} gave you 10 pts · $1.00: the launch #ownership\nYou now have 10 pts · $1.00 earned.`,
        },
      ].sort((x, y) => x.channel.localeCompare(y.channel)),
    );
  });

  it("tells the giver, the channel and the recipient of a campaign's bonus, escaped for Slack", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    await createCampaign(db, workspace.org.admin.actor, {
      name: "Customers <first>",
      startsOn: localDay(new Date(), "UTC"),
      multiplier: 2,
    });

    const response = await slash(workspace, giver.slackId, `${ana.mention} 10 for the renewal`);

    const [gil, a] = [giver, ana].map((member) => `<@${member.slackId}>`);
    expect(await response.json()).toEqual(
      privately(
        `You gave 10 pts · $1.00 to ${a}. ×2 Customers &lt;first&gt;: each gets 20 pts, 10 pts of it from the company. You have 90 pts · $9.00 left to give this month.`,
      ),
    );
    expect(workspace.publicPosts()).toEqual([
      { channel: CHANNEL, text: `:tada: ${gil} gave ${a} 20 pts: the renewal  _×2 Customers &lt;first&gt;_` },
    ]);
    expect(workspace.directMessages()).toEqual([
      {
        channel: `D${ana.slackId}`,
        text: `${gil} gave you 20 pts · $2.00 (×2 Customers &lt;first&gt;): the renewal\nYou now have 20 pts · $2.00 earned.`,
      },
    ]);
    await expectLedgerClean(db, workspace.org.id);
  });

  it("reads the amount first, without 'for', and a value Slack sent as a channel link", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    await workspace.org.addValues("teamwork");
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });

    const response = await slash(
      workspace,
      giver.slackId,
      `5 ${ana.mention} great demo <#C0123ABC|teamwork>`,
    );

    expect(await recognitionsBy(db, giver.id)).toEqual([
      expect.objectContaining({ message: "great demo #teamwork", amount: 5, total: 5, values: ["teamwork"] }),
    ]);
    await expectLedgerClean(db, workspace.org.id);
    expect(await response.json()).toEqual(
      privately(
        `You gave 5 pts · $0.50 to <@${ana.slackId}>. You have 95 pts · $9.50 left to give this month.`,
      ),
    );
    expect(workspace.publicPosts()).toEqual([
      {
        channel: CHANNEL,
        text: `:tada: <@${giver.slackId}> gave <@${ana.slackId}> 5 pts: great demo #teamwork`,
      },
    ]);
  });

  it("gives +10 to several people and announces it in the org's recognition channel", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db, { slackRecognitionChannel: "C0KUDOS" });
    const giver = await workspace.member({ name: "Gil" });
    const [ana, ben, cy] = [
      await workspace.member({ name: "Ana" }),
      await workspace.member({ name: "Ben" }),
      await workspace.member({ name: "Cy" }),
    ];

    const response = await slash(
      workspace,
      giver.slackId,
      `+10 ${ana.mention}, ${ben.mention} and ${cy.mention} thanks for the offsite`,
      {
        channelId: "C0RANDOM",
      },
    );

    expect(await recognitionsBy(db, giver.id)).toEqual([
      expect.objectContaining({
        message: "thanks for the offsite",
        amount: 10,
        total: 30,
        recipients: sortedIds(ana, ben, cy),
        values: [],
      }),
    ]);
    await expectLedgerClean(db, workspace.org.id);
    const [a, b, c] = [ana, ben, cy].map((member) => `<@${member.slackId}>`);
    expect(await response.json()).toEqual(
      privately(
        `You gave 30 pts · $3.00 to ${a}, ${b} and ${c}. You have 70 pts · $7.00 left to give this month.`,
      ),
    );
    expect(workspace.publicPosts()).toEqual([
      {
        channel: "C0KUDOS",
        text: `:tada: <@${giver.slackId}> gave ${a}, ${b} and ${c} 10 pts each: thanks for the offsite`,
      },
    ]);
    expect(workspace.directMessages().map((message) => message.channel)).toEqual(
      [ana, ben, cy].map((member) => `D${member.slackId}`).sort(),
    );
  });

  it("keeps hashtags as words of the message in an org without company values", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db, { valuesMode: "off" });
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });

    await slash(workspace, giver.slackId, `${ana.mention} 10 for fixing #incident-42`);

    expect(await recognitionsBy(db, giver.id)).toEqual([
      expect.objectContaining({ message: "fixing #incident-42", values: [] }),
    ]);
    expect(workspace.publicPosts().map((post) => post.text)).toEqual([
      `:tada: <@${giver.slackId}> gave <@${ana.slackId}> 10 pts: fixing #incident-42`,
    ]);
  });

  it("shows what is left to give this month and what was earned, with money values", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const [first, second] = await workspace.org.addPeople(2);
    await giveAt(db, defined(first), [giver], 100);
    await giveAt(db, defined(second), [giver], 20);
    await giveAt(db, giver, [defined(first)], 20);

    const response = await slash(workspace, giver.slackId, "balance");

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(workspace.ephemerals()).toEqual([
      {
        channel: CHANNEL,
        user: giver.slackId,
        text: "You have 80 pts · $8.00 left to give this month (of 100 pts) and 120 pts · $12.00 earned.",
      },
    ]);
  });

  it("answers help and empty text with the usage, in the acknowledgement itself", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member();

    for (const text of ["help", ""]) {
      const response = await slash(workspace, giver.slackId, text);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ response_type: "ephemeral", text: GIVE_USAGE });
    }
    expect(workspace.calls()).toEqual([]);
  });

  it.each([
    [
      "a name typed without @",
      (ana: Member) => `${ana.name.toLowerCase()} 10 for the launch`,
      `Mention people with @ so Slack links them - "ana" alone isn't a person. Type @ and pick the person from the list Slack shows.`,
    ],
    ["no message", (ana: Member) => `${ana.mention} 10`, "Add a reason, e.g. for the launch."],
    [
      "only a value for a message",
      (ana: Member) => `${ana.mention} 10 #ownership`,
      "Add a reason, e.g. for the launch.",
    ],
    ["no amount", (ana: Member) => `${ana.mention} for the launch`, "Say how many points, e.g. 10."],
    [
      "a fraction of a point",
      (ana: Member) => `${ana.mention} 2.5 for the launch`,
      "Points are whole numbers.",
    ],
    [
      "a NUL byte",
      (ana: Member) => `${ana.mention} 10 for the\u0000launch`,
      "The text has a control character (such as a NUL byte) that a message can't hold; type it again without it.",
    ],
  ])(
    "answers text it can't read (%s) with the problem and the usage, and writes nothing",
    async (_, text, problem) => {
      const { db } = await database();
      const workspace = await slackOrg(db);
      const giver = await workspace.member({ name: "Gil" });
      const ana = await workspace.member({ name: "Ana" });

      const response = await expectOrgUntouched(db, workspace.org.id, () =>
        slash(workspace, giver.slackId, text(ana)),
      );

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        response_type: "ephemeral",
        text: `${problem}\n\n${GIVE_USAGE}`,
      });
      expect(workspace.calls("chat.postEphemeral")).toEqual([]);
      expect(workspace.calls("chat.postMessage")).toEqual([]);
    },
  );
});

interface Refusal {
  settings?: Partial<typeof organizations.$inferInsert>;
  /** Prepares the org and says what the giver types and what they must be told. */
  arrange: (
    db: Database,
    workspace: Workspace,
    giver: Member,
    ana: Member,
  ) => Promise<{ text: string; reply: string; giverId?: string }>;
}

const REFUSALS: Record<string, Refusal> = {
  "more than is left this month": {
    arrange: async (db, workspace, giver, ana) => {
      await giveAt(db, giver, [await workspace.org.addPerson()], 85);
      return {
        text: `${ana.mention} 20 for the launch`,
        reply: "That needs 20 pts but you have 15 pts · $1.50 left this month.",
      };
    },
  },
  "an amount out of the org's range": {
    settings: { maxPointsPerRecognition: 50 },
    arrange: async (_db, _workspace, _giver, ana) => ({
      text: `${ana.mention} 60 for the launch`,
      reply: "Give between 1 and 50 points per person.",
    }),
  },
  "the giver themself": {
    arrange: async (_db, _workspace, giver) => ({
      text: `${giver.mention} 10 for being me`,
      reply: "You can't give points to yourself. Mention the colleagues you want to thank.",
    }),
  },
  "a deactivated recipient": {
    arrange: async (_db, workspace) => {
      const dana = await workspace.member({ name: "Dana", active: false });
      return {
        text: `${dana.mention} 10 for the launch`,
        reply: "Dana has been deactivated and can't receive points.",
      };
    },
  },
  "a bot in Plaudit": {
    arrange: async (_db, workspace) => {
      const bot = await workspace.member({ name: "Helper Bot", isBot: true });
      return {
        text: `${bot.mention} 10 for the launch`,
        reply: "Helper Bot is a bot and can't receive points.",
      };
    },
  },
  "a Slack bot": {
    arrange: async () => {
      const id = newSlackId("U");
      route().slack.addUser({ id, name: "Deploy Bot", isBot: true });
      return {
        text: `<@${id}|deploybot> 10 for the deploys`,
        reply: `<@${id}> is a bot and can't receive points.`,
      };
    },
  },
  "a Slack user who isn't in Plaudit": {
    arrange: async () => {
      const id = newSlackId("U");
      route().slack.addUser({ id, name: "Nora", email: `nora-${randomUUID()}@elsewhere.test` });
      return {
        text: `<@${id}|nora> 10 for the launch`,
        reply: `<@${id}> isn't in Plaudit yet, so they can't receive points. An admin can add them with the email they use in Slack.`,
      };
    },
  },
  "a value that isn't one of the org's": {
    settings: { valuesMode: "required" },
    arrange: async (_db, workspace, _giver, ana) => {
      await workspace.org.addValues("ownership", "teamwork");
      return {
        text: `${ana.mention} 10 for the launch #speed`,
        reply: "Not a company value: #speed. Your company values are #ownership, #teamwork.",
      };
    },
  },
  "no value where the org requires one": {
    settings: { valuesMode: "required" },
    arrange: async (_db, workspace, _giver, ana) => {
      await workspace.org.addValues("ownership", "teamwork");
      return {
        text: `${ana.mention} 10 for the launch`,
        reply: "Add one of your company values as a hashtag: #ownership, #teamwork.",
      };
    },
  },
  "a giver whose account is deactivated": {
    arrange: async (_db, workspace, _giver, ana) => {
      const gone = await workspace.member({ name: "Gone", active: false });
      return {
        text: `${ana.mention} 10 for the launch`,
        reply: "Your Plaudit account has been deactivated.",
        giverId: gone.slackId,
      };
    },
  },
};

describe("/give refusals", () => {
  it.each(Object.entries(REFUSALS))(
    "refuses %s with an acknowledgement to the giver alone, and writes nothing",
    async (_, refusal) => {
      const { db } = await database();
      const workspace = await slackOrg(db, refusal.settings);
      const giver = await workspace.member({ name: "Gil" });
      const ana = await workspace.member({ name: "Ana" });
      const { text, reply, giverId = giver.slackId } = await refusal.arrange(db, workspace, giver, ana);

      const response = await expectOrgUntouched(db, workspace.org.id, () => slash(workspace, giverId, text));

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(privately(reply));
      expect(workspace.calls("chat.postEphemeral")).toEqual([]);
      expect(workspace.calls("chat.postMessage")).toEqual([]);
      await expectLedgerClean(db, workspace.org.id);
    },
  );

  it("refuses a giver past the give limit, telling them alone when to try again, and writes nothing", async () => {
    const { db } = await database();
    vi.stubEnv("PLAUDIT_RATE_LIMIT_GIVES", "1/1m");
    try {
      const workspace = await slackOrg(db);
      const giver = await workspace.member({ name: "Gil" });
      const ana = await workspace.member({ name: "Ana" });
      // The one give of this minute, from the web: the limit is the person's, wherever they give from.
      await giveAt(db, giver, [ana], 5);

      const response = await expectOrgUntouched(db, workspace.org.id, () =>
        slash(workspace, giver.slackId, `${ana.mention} 10 for the launch`),
      );

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(
        privately(expect.stringMatching(/^Too many gives in a minute — try again in \d+ s\.$/)),
      );
      expect(workspace.ephemerals()).toEqual([]);
      expect(workspace.calls("chat.postMessage")).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("tells a Slack user who isn't in Plaudit how to get access", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const ana = await workspace.member({ name: "Ana" });
    const stranger = newSlackId("U");
    const email = `uma-${randomUUID()}@nowhere.test`;
    route().slack.addUser({ id: stranger, name: "Uma", email });

    const response = await expectOrgUntouched(db, workspace.org.id, () =>
      slash(workspace, stranger, `${ana.mention} 10 for the launch`),
    );

    expect(await response.json()).toEqual(
      privately(
        `You're not in Plaudit yet. Ask an admin to add you with the email you use in Slack (${email}).`,
      ),
    );
    expect(workspace.ephemerals()).toEqual([]);
    expect(workspace.calls("chat.postMessage")).toEqual([]);
  });

  it("adds a Slack user who isn't in Plaudit when the org allows it, and their give goes through", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db, { slackAutoProvision: true });
    const ana = await workspace.member({ name: "Ana" });
    const newcomer = newSlackId("U");
    const email = `uma-${randomUUID()}@${workspace.org.slug}.test`;
    route().slack.addUser({ id: newcomer, name: "Uma Newcomer", email });

    await slash(workspace, newcomer, `${ana.mention} 10 for the warm welcome`);

    const [added] = await db
      .select({ id: people.id, name: people.name, teamId: people.slackTeamId, userId: people.slackUserId })
      .from(people)
      .where(eq(people.email, email));
    expect(added).toEqual({
      id: expect.any(String),
      name: "Uma Newcomer",
      teamId: workspace.teamId,
      userId: newcomer,
    });
    expect(await recognitionsBy(db, defined(added).id)).toEqual([
      expect.objectContaining({
        message: "the warm welcome",
        amount: 10,
        recipients: [ana.id],
        source: "slack",
      }),
    ]);
    await expectLedgerClean(db, workspace.org.id);
    expect(workspace.publicPosts()).toHaveLength(1);
  });

  it("replies by direct message where Slack refuses an ephemeral reply (a DM between two people)", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    route().slack.failNext("chat.postEphemeral", "channel_not_found");

    await slash(workspace, giver.slackId, "balance", { channelId: "D0SOMEONE" });

    expect(workspace.calls("conversations.open").map(({ args }) => args.users)).toEqual([giver.slackId]);
    expect(workspace.directMessages()).toEqual([
      {
        channel: `D${giver.slackId}`,
        text: "You have 100 pts · $10.00 left to give this month (of 100 pts) and 0 pts · $0.00 earned.",
      },
    ]);
  });
});

describe("a give delivered more than once", () => {
  it("takes effect once for 10 identical slash commands at once and a retry", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const ben = await workspace.member({ name: "Ben" });
    const sent = { triggerId: `trigger-${randomUUID()}` };
    const text = `${ana.mention} ${ben.mention} 10 for the launch`;

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => route().post(command(workspace, giver.slackId, text, sent))),
    );
    responses.push(
      await route().post(
        command(workspace, giver.slackId, text, { ...sent, headers: { "x-slack-retry-num": "1" } }),
      ),
    );
    await route().settle();

    // Each delivery is acknowledged with the one give; none claims a second one.
    const confirmation = `You gave 20 pts · $2.00 to <@${ana.slackId}> and <@${ben.slackId}>. You have 80 pts · $8.00 left to give this month.`;
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(privately(confirmation));
    }
    expect(await recognitionsBy(db, giver.id)).toEqual([
      expect.objectContaining({ total: 20, key: `slack:command:${workspace.teamId}:${sent.triggerId}` }),
    ]);
    expect((await getBalances(db, giver.actor)).allowance.remaining).toBe(80);
    await expectLedgerClean(db, workspace.org.id);
    expect(workspace.publicPosts()).toHaveLength(1);
    expect(workspace.directMessages().map((message) => message.channel)).toEqual(
      [ana, ben].map((member) => `D${member.slackId}`).sort(),
    );
    expect(workspace.ephemerals()).toEqual([]);
  });

  it("takes effect once for a +N message delivered 10 times at once and retried", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const ts = newTs();
    const event = { user: giver.slackId, text: `+10 ${ana.mention} great demo`, ts };
    const eventId = `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => route().post(messageEvent(workspace, event, eventId))),
    );
    responses.push(await route().post(messageEvent(workspace, event, eventId, "1")));
    await route().settle();

    for (const response of responses) expect(response.status).toBe(200);
    expect(await recognitionsBy(db, giver.id)).toEqual([
      expect.objectContaining({ total: 10, key: `slack:message:${workspace.teamId}:${CHANNEL}:${ts}` }),
    ]);
    expect((await getBalances(db, giver.actor)).allowance.remaining).toBe(90);
    await expectLedgerClean(db, workspace.org.id);
    expect(workspace.publicPosts()).toEqual([
      {
        channel: CHANNEL,
        thread_ts: ts,
        text: `:tada: <@${giver.slackId}> gave <@${ana.slackId}> 10 pts: great demo`,
      },
    ]);
    expect(workspace.directMessages()).toHaveLength(1);
  });
});

describe("+N messages", () => {
  it("gives points and confirms in the message's thread, by DM to the recipient and to the giver alone", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    await workspace.org.addValues("teamwork");
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const ts = newTs();

    const response = await post(workspace, {
      user: giver.slackId,
      text: `+10 ${ana.mention} great demo #teamwork`,
      ts,
    });

    expect(response.status).toBe(200);
    expect(await recognitionsBy(db, giver.id)).toEqual([
      {
        source: "slack",
        message: "great demo #teamwork",
        amount: 10,
        total: 10,
        recipients: [ana.id],
        values: ["teamwork"],
        key: `slack:message:${workspace.teamId}:${CHANNEL}:${ts}`,
      },
    ]);
    await expectLedgerClean(db, workspace.org.id);
    const [gil, a] = [`<@${giver.slackId}>`, `<@${ana.slackId}>`];
    expect(workspace.publicPosts()).toEqual([
      { channel: CHANNEL, thread_ts: ts, text: `:tada: ${gil} gave ${a} 10 pts: great demo #teamwork` },
    ]);
    expect(workspace.directMessages()).toEqual([
      {
        channel: `D${ana.slackId}`,
        text: `${gil} gave you 10 pts · $1.00: great demo #teamwork\nYou now have 10 pts · $1.00 earned.`,
      },
    ]);
    expect(workspace.ephemerals()).toEqual([
      {
        channel: CHANNEL,
        user: giver.slackId,
        text: `You gave 10 pts · $1.00 to ${a}. You have 90 pts · $9.00 left to give this month.`,
      },
    ]);
  });

  it("confirms a give written in a thread, or sent to the channel from one, in that thread", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const parent = newTs();

    await post(workspace, {
      user: giver.slackId,
      text: `${ana.mention} +5 for the review`,
      ts: newTs(),
      thread_ts: parent,
    });
    await post(workspace, {
      subtype: "thread_broadcast",
      user: giver.slackId,
      text: `+3 ${ana.mention} and for the follow-up`,
      ts: newTs(),
      thread_ts: parent,
    });

    expect((await recognitionsBy(db, giver.id)).map((row) => row.amount)).toEqual([5, 3]);
    expect(workspace.publicPosts().map((post) => post.thread_ts)).toEqual([parent, parent]);
  });

  it.each([
    ["an edited message", { subtype: "message_changed", message: { type: "message", user: "", text: "" } }],
    ["a deleted message", { subtype: "message_deleted", deleted_ts: "1.0" }],
    ["a bot's message", { subtype: "bot_message", bot_id: "BOTHER", username: "other bot" }],
    ["a message an app posted as a person", { bot_id: "BOTHER" }],
    ["a channel join", { subtype: "channel_join" }],
  ])("ignores %s: no Slack calls, no rows", async (_, shape) => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const text = `+10 ${ana.mention} great demo`;
    const event: Record<string, unknown> = { user: giver.slackId, text, ts: newTs(), ...shape };
    if (event.message)
      event.message = { ...(event.message as object), user: giver.slackId, text, ts: newTs() };

    const response = await expectOrgUntouched(db, workspace.org.id, () => post(workspace, event));

    expect(response.status).toBe(200);
    expect(workspace.calls("chat.postEphemeral")).toEqual([]);
    expect(workspace.calls("chat.postMessage")).toEqual([]);
    expect(workspace.calls("users.info")).toEqual([]);
  });

  it("stays quiet for +1 agreement and for a +N in the middle of a sentence", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });

    await expectOrgUntouched(db, workspace.org.id, async () => {
      for (const text of [
        "+1",
        "+1 great idea",
        "+100 to that",
        `I'd +1 that, ${ana.mention}`,
        "lunch at 12?",
      ]) {
        expect((await post(workspace, { user: giver.slackId, text, ts: newTs() })).status).toBe(200);
      }
    });

    expect(workspace.calls("chat.postEphemeral")).toEqual([]);
    expect(workspace.calls("chat.postMessage")).toEqual([]);
  });

  it("tells the author what is wrong with a +N that names someone, in their thread, and writes nothing", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    const parent = newTs();
    const example = "For example: `+10 @ana great demo #teamwork`";

    await expectOrgUntouched(db, workspace.org.id, async () => {
      await post(workspace, { user: giver.slackId, text: `+10 ${ana.mention}`, ts: newTs() });
      await post(workspace, {
        user: giver.slackId,
        text: "+10 @ana great demo",
        ts: newTs(),
        thread_ts: parent,
      });
    });

    const replies = workspace
      .calls("chat.postEphemeral")
      .map(({ args: { channel, user, text, thread_ts } }) => ({
        channel,
        user,
        text,
        ...(thread_ts ? { thread_ts } : {}),
      }));
    expect(replies).toEqual([
      { channel: CHANNEL, user: giver.slackId, text: `Add a reason, e.g. for the launch. ${example}` },
      {
        channel: CHANNEL,
        user: giver.slackId,
        thread_ts: parent,
        text: `Mention people with @ so Slack links them - "@ana" alone isn't a person. Type @ and pick the person from the list Slack shows. ${example}`,
      },
    ]);
  });

  it("tells the author of a +N holding a NUL byte what is wrong with it, and writes nothing", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });

    await expectOrgUntouched(db, workspace.org.id, () =>
      post(workspace, { user: giver.slackId, text: `+10 ${ana.mention} great\u0000demo`, ts: newTs() }),
    );

    expect(workspace.ephemerals().map((reply) => reply.text)).toEqual([
      "The text has a control character (such as a NUL byte) that a message can't hold; type it again without it. For example: `+10 @ana great demo #teamwork`",
    ]);
    expect(workspace.calls("chat.postMessage")).toEqual([]);
  });

  it("tells the author why the ledger refused, and writes nothing", async () => {
    const { db } = await database();
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    await giveAt(db, giver, [ana], 95);

    await expectOrgUntouched(db, workspace.org.id, () =>
      post(workspace, { user: giver.slackId, text: `+10 ${ana.mention} thanks again`, ts: newTs() }),
    );

    expect(workspace.ephemerals()).toEqual([
      {
        channel: CHANNEL,
        user: giver.slackId,
        text: "That needs 10 pts but you have 5 pts · $0.50 left this month.",
      },
    ]);
    expect(workspace.calls("chat.postMessage")).toEqual([]);
  });

  it("keeps each workspace to its own org, even where both use the same Slack user ids", async () => {
    const { db } = await database();
    const orgA = await slackOrg(db);
    const orgB = await slackOrg(db);
    const giverA = await orgA.member({ name: "Gil" });
    const anaA = await orgA.member({ name: "Ana" });
    const giverB = await orgB.link(await orgB.org.addPerson({ name: "Gil" }), giverA.slackId);
    const anaB = await orgB.link(await orgB.org.addPerson({ name: "Ana" }), anaA.slackId);
    // Linked in B only; Slack gives the email of B's person for this id.
    const cyB = await orgB.member({ name: "Cy" });
    route().slack.addUser({ id: cyB.slackId, name: "Cy", email: await emailOf(db, cyB.id) });

    await expectOrgUntouched(db, orgA.org.id, () =>
      post(orgB, { user: giverB.slackId, text: `+10 ${anaB.mention} great demo`, ts: newTs() }),
    );
    expect(await recognitionsBy(db, giverB.id)).toEqual([
      expect.objectContaining({
        recipients: [anaB.id],
        key: expect.stringContaining(`slack:message:${orgB.teamId}:`),
      }),
    ]);
    expect(orgB.publicPosts()).toHaveLength(1);

    const refused = await expectOrgUntouched(db, orgB.org.id, () =>
      expectOrgUntouched(db, orgA.org.id, () =>
        slash(orgA, giverA.slackId, `${cyB.mention} 10 for the launch`),
      ),
    );
    expect(await refused.json()).toEqual(
      privately(
        `<@${cyB.slackId}> isn't in Plaudit yet, so they can't receive points. An admin can add them with the email they use in Slack.`,
      ),
    );
    expect(await recognitionsBy(db, giverA.id)).toEqual([]);
    expect(orgA.calls("chat.postMessage")).toEqual([]);
  });
});

describe("a give saved before Slack is answered", () => {
  const STILL_GIVING = "Plaudit is still saving this give. You'll get a message here once it's done.";

  /** An org whose giver has given once already, so their allowance account exists to be locked. */
  async function givingOrg(db: Database) {
    const workspace = await slackOrg(db);
    const giver = await workspace.member({ name: "Gil" });
    const ana = await workspace.member({ name: "Ana" });
    await giveAt(db, giver, [ana], 1, { message: "earlier" });
    return { workspace, giver, ana };
  }

  const givenAmounts = async (db: Database, giverId: string) =>
    (await recognitionsBy(db, giverId)).map((recognition) => recognition.amount);

  it("acknowledges /give only once the give is committed, with the confirmation", async () => {
    const { db } = await database();
    const { workspace, giver, ana } = await givingOrg(db);
    // The database takes a moment: the give waits 300 ms for the giver's allowance row.
    const lock = await holdAllowanceLock(db, giver.id);
    const releasing = pause(300).then(lock.release);

    const response = await route().post(
      command(workspace, giver.slackId, `${ana.mention} 10 for the launch`),
    );

    // Read the moment Slack has its answer, before anything continues after the response.
    expect(await givenAmounts(db, giver.id)).toEqual([1, 10]);
    expect(await response.json()).toEqual(
      privately(
        `You gave 10 pts · $1.00 to <@${ana.slackId}>. You have 89 pts · $8.90 left to give this month.`,
      ),
    );
    await releasing;
    await route().settle();
    expect(workspace.publicPosts()).toHaveLength(1);
  });

  it("answers a +N message's event only once the give is committed", async () => {
    const { db } = await database();
    const { workspace, giver, ana } = await givingOrg(db);
    const lock = await holdAllowanceLock(db, giver.id);
    const releasing = pause(300).then(lock.release);

    const response = await route().post(
      messageEvent(workspace, { user: giver.slackId, text: `+10 ${ana.mention} great demo`, ts: newTs() }),
    );

    expect(response.status).toBe(200);
    expect(await givenAmounts(db, giver.id)).toEqual([1, 10]);
    await releasing;
    await route().settle();
    expect(workspace.ephemerals().map((reply) => reply.text)).toEqual([
      `You gave 10 pts · $1.00 to <@${ana.slackId}>. You have 89 pts · $8.90 left to give this month.`,
    ]);
  });

  it("acknowledges /give within Slack's deadline when the database is slow, then finishes and tells the giver", async () => {
    const { db } = await database();
    const { workspace, giver, ana } = await givingOrg(db);
    const lock = await holdAllowanceLock(db, giver.id);

    const started = performance.now();
    const response = await route().post(
      command(workspace, giver.slackId, `${ana.mention} 10 for the launch`),
    );
    const waited = performance.now() - started;

    expect(waited).toBeGreaterThanOrEqual(SAVE_DEADLINE_MS - 50);
    expect(waited).toBeLessThan(SLACK_GIVES_UP_MS);
    // Not a claim that the points were given: they are not, yet.
    expect(await response.json()).toEqual(privately(STILL_GIVING));
    expect(await givenAmounts(db, giver.id)).toEqual([1]);

    await lock.release();
    await route().settle();
    expect(await givenAmounts(db, giver.id)).toEqual([1, 10]);
    await expectLedgerClean(db, workspace.org.id);
    expect(workspace.ephemerals()).toEqual([
      {
        channel: CHANNEL,
        user: giver.slackId,
        text: `You gave 10 pts · $1.00 to <@${ana.slackId}>. You have 89 pts · $8.90 left to give this month.`,
      },
    ]);
    expect(workspace.publicPosts()).toHaveLength(1);
  });

  it("tells the giver of a refusal that came after the deadline, and gives nothing", async () => {
    const { db } = await database();
    const { workspace, giver, ana } = await givingOrg(db);
    const lock = await holdAllowanceLock(db, giver.id);

    const answering = route().post(command(workspace, giver.slackId, `${ana.mention} 10 for the launch`));
    // Ana leaves while the give waits for the giver's allowance: the give must not credit her after all.
    await pause(300);
    await deactivatePerson(db, workspace.org.admin.actor, { personId: ana.id });
    const response = await answering;

    expect(await response.json()).toEqual(privately(STILL_GIVING));
    await lock.release();
    await route().settle();
    expect(await givenAmounts(db, giver.id)).toEqual([1]);
    await expectLedgerClean(db, workspace.org.id);
    expect(workspace.ephemerals().map((reply) => reply.text)).toEqual([
      "Ana has been deactivated and can't receive points.",
    ]);
    expect(workspace.publicPosts()).toEqual([]);
  });

  it("tells the giver privately when Slack was answered before /give could acknowledge", async () => {
    const { db } = await database();
    const { workspace, giver, ana } = await givingOrg(db);
    // Finding the workspace is held up past the receiver's own deadline, so the listener starts too late.
    const lock = await holdWorkspaceLookup(db);

    const response = await route().post(
      command(workspace, giver.slackId, `${ana.mention} 10 for the launch`),
    );
    await lock.release();

    expect(await response.text()).toBe("");
    await route().settle();
    expect(await givenAmounts(db, giver.id)).toEqual([1, 10]);
    expect(workspace.ephemerals().map((reply) => reply.text)).toEqual([
      `You gave 10 pts · $1.00 to <@${ana.slackId}>. You have 89 pts · $8.90 left to give this month.`,
    ]);
  });

  it("answers a +N message's event within Slack's deadline when the database is slow, and gives after", async () => {
    const { db } = await database();
    const { workspace, giver, ana } = await givingOrg(db);
    const lock = await holdAllowanceLock(db, giver.id);

    const started = performance.now();
    const response = await route().post(
      messageEvent(workspace, { user: giver.slackId, text: `+10 ${ana.mention} great demo`, ts: newTs() }),
    );

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(SLACK_GIVES_UP_MS);
    await lock.release();
    await route().settle();
    expect(await givenAmounts(db, giver.id)).toEqual([1, 10]);
    expect(workspace.publicPosts()).toHaveLength(1);
  });
});

describe("loadOrgContext", () => {
  it("reads the recognition channel, the values mode and the point value of the org", async () => {
    const { db } = await database();
    const plain = await createTestOrg(db);
    const configured = await createTestOrg(db, {
      slackRecognitionChannel: "C0KUDOS",
      valuesMode: "required",
      currency: "EUR",
      pointValuePoints: 4,
      pointValueMinor: 50,
    });

    expect(await loadOrgContext(db, plain.id)).toMatchObject({
      id: plain.id,
      slackRecognitionChannel: null,
      valuesMode: "optional",
      pointValue: { points: 10, minor: 100, currency: "USD" },
    });
    expect(await loadOrgContext(db, configured.id)).toMatchObject({
      id: configured.id,
      slackRecognitionChannel: "C0KUDOS",
      valuesMode: "required",
      pointValue: { points: 4, minor: 50, currency: "EUR" },
    });
    await expectDomainError(loadOrgContext(db, randomUUID()), "not_found");
  });
});
