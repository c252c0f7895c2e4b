import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getNotificationPreferences } from "../../core/nudges/get-notification-preferences";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import type { Database } from "../../db/client";
import { companyValues, ledgerTransactions, recognitionRecipients, recognitions } from "../../db/schema";
import type { SlackCall } from "../../testing/fake-slack";
import { eventCallback, interaction } from "../../testing/slack-requests";
import { defined, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestOrg, type TestPerson } from "../support/factories";
import { orgFootprint } from "../support/footprint";
import { giveAt } from "../support/giving";
import { slackRoute } from "../support/slack-route";
import { linkSlackUser, newSlackId } from "../support/slack-workspace";
import { holdAllowanceLock, pause, SLACK_GIVES_UP_MS } from "../support/slow-database";

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

const database = workerDatabase();
// Multi-workspace mode: every test org has a workspace of its own, so tests never see each other's calls.
const route = slackRoute({ SLACK_BOT_TOKEN: undefined, PLAUDIT_SECRET_KEY: "slack-home-and-modal-test-key" });

const slackId = newSlackId;

interface Workspace {
  org: TestOrg;
  teamId: string;
  token: string;
}

type OrgSettings = Parameters<typeof createTestOrg>[1];

/** A test org whose Slack workspace installed the app. */
async function orgInSlack(db: Database, settings: OrgSettings = {}): Promise<Workspace> {
  const org = await createTestOrg(db, settings);
  const teamId = slackId("T");
  const token = `xoxb-${teamId.toLowerCase()}`;
  await saveSlackInstallation(
    db,
    { kind: "operator" },
    { orgId: org.id, teamId, botUserId: "UBOT", botToken: token },
  );
  return { org, teamId, token };
}

function inSlack(db: Database, workspace: Workspace, person: TestPerson): Promise<string> {
  return linkSlackUser(db, workspace.teamId, person.id);
}

/** The Web API calls made with this workspace's bot token. */
function callsOf(workspace: Workspace, method: string): SlackCall[] {
  return route()
    .slack.callsTo(method)
    .filter((call) => call.token === workspace.token);
}

/** What was sent with each call, without the team id the Web API client adds to every call. */
function sentWith(workspace: Workspace, method: string): Record<string, unknown>[] {
  return callsOf(workspace, method).map(({ args: { team_id: _teamId, ...args } }) => args);
}

/** Posts a request as Slack does and waits for the listener's work after the response too. */
async function deliver(request: Request): Promise<Response> {
  const response = await route().post(request);
  await route().settle();
  return response;
}

function homeOpened(workspace: Workspace, userId: string, tab = "home"): Request {
  return eventCallback(
    { type: "app_home_opened", user: userId, channel: `D${userId}`, tab, event_ts: `${Date.now() / 1000}` },
    { teamId: workspace.teamId },
  );
}

function from(workspace: Workspace, userId: string) {
  return {
    team: { id: workspace.teamId, domain: "acme" },
    user: { id: userId, name: userId.toLowerCase(), team_id: workspace.teamId },
    api_app_id: "A0PLAUDIT",
    token: "verification-token-unused",
  };
}

/** A click on one of App Home's buttons, "Give points" unless told otherwise. */
function giveButtonClicked(
  workspace: Workspace,
  userId: string,
  triggerId: string,
  button: { actionId: string; text: string; value?: string } = {
    actionId: "open_give_modal",
    text: "Give points",
  },
): Request {
  return interaction({
    type: "block_actions",
    ...from(workspace, userId),
    trigger_id: triggerId,
    container: { type: "view", view_id: "VHOME" },
    view: { id: "VHOME", type: "home", team_id: workspace.teamId, blocks: [], state: { values: {} } },
    actions: [
      {
        type: "button",
        action_id: button.actionId,
        block_id: "home_actions",
        text: { type: "plain_text", text: button.text },
        ...(button.value ? { value: button.value } : {}),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  });
}

interface ChatMessage {
  channel: string;
  ts: string;
  author?: string;
  threadTs?: string;
}

function messageShortcut(
  workspace: Workspace,
  userId: string,
  triggerId: string,
  message: ChatMessage,
): Request {
  return interaction({
    type: "message_action",
    callback_id: "give_points_for_message",
    ...from(workspace, userId),
    trigger_id: triggerId,
    action_ts: `${Date.now() / 1000}`,
    message_ts: message.ts,
    response_url: "https://hooks.slack.com/app/T0001/1/abc",
    channel: { id: message.channel, name: "general" },
    message: {
      type: "message",
      ts: message.ts,
      text: "Fixed the flaky deploy",
      ...(message.author ? { user: message.author } : {}),
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
  });
}

type ModalView = {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; [key: string]: unknown }[];
};

/** The modal Plaudit opened with this trigger. */
function openedModal(workspace: Workspace, triggerId: string): ModalView {
  const opened = callsOf(workspace, "views.open").filter((call) => call.args.trigger_id === triggerId);
  expect(opened).toHaveLength(1);
  return defined(opened[0]).args.view as ModalView;
}

async function openGiveModal(workspace: Workspace, userId: string): Promise<ModalView> {
  const triggerId = slackId("trigger-");
  await deliver(giveButtonClicked(workspace, userId, triggerId));
  return openedModal(workspace, triggerId);
}

interface Filled {
  recipients: string[];
  points: string;
  message: string;
  values?: string[];
}

/** The modal as Slack submits it once filled in: its blocks, metadata and the state of each input. */
function submitted(workspace: Workspace, userId: string, modal: ModalView, viewId: string, filled: Filled) {
  const shown = new Set(modal.blocks.map((block) => block.block_id));
  const values: Record<string, Record<string, unknown>> = {
    recipients: { recipients: { type: "multi_users_select", selected_users: filled.recipients } },
    points: { points: { type: "number_input", value: filled.points } },
    message: { message: { type: "plain_text_input", value: filled.message } },
  };
  if (shown.has("values")) {
    values.values = {
      values: {
        type: "multi_static_select",
        selected_options: (filled.values ?? []).map((name) => ({
          text: { type: "plain_text", text: `#${name}` },
          value: name,
        })),
      },
    };
  }
  return interaction({
    type: "view_submission",
    ...from(workspace, userId),
    trigger_id: slackId("trigger-"),
    view: {
      id: viewId,
      team_id: workspace.teamId,
      type: "modal",
      callback_id: modal.callback_id,
      private_metadata: modal.private_metadata,
      blocks: modal.blocks,
      state: { values },
      hash: "1700000000.abcdef",
      title: { type: "plain_text", text: "Give points" },
      close: null,
      submit: null,
      app_id: "A0PLAUDIT",
      bot_id: "BBOT",
      root_view_id: viewId,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
  });
}

function blockTexts(view: { blocks: unknown[] }): string[] {
  return view.blocks.flatMap((block) => {
    const { text, fields, elements } = block as {
      text?: { text: string };
      fields?: { text: string }[];
      elements?: { text?: string | { text: string } }[];
    };
    const texts = [text?.text, ...(fields ?? []).map((field) => field.text)];
    for (const element of elements ?? []) {
      texts.push(typeof element.text === "string" ? element.text : element.text?.text);
    }
    return texts.filter((item): item is string => item !== undefined);
  });
}

function homeOf(workspace: Workspace, userId: string): { type: string; blocks: unknown[] }[] {
  return callsOf(workspace, "views.publish")
    .filter((call) => call.args.user_id === userId)
    .map((call) => call.args.view as { type: string; blocks: unknown[] });
}

async function recognitionsOf(db: Database, orgId: string) {
  return db
    .select({
      id: recognitions.id,
      giverId: recognitions.giverId,
      source: recognitions.source,
      message: recognitions.message,
      amountPerRecipient: recognitions.amountPerRecipient,
      totalAmount: recognitions.totalAmount,
      key: ledgerTransactions.idempotencyKey,
    })
    .from(recognitions)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, recognitions.transactionId))
    .where(eq(recognitions.orgId, orgId));
}

async function recipientsOf(db: Database, recognitionId: string) {
  const rows = await db
    .select({ personId: recognitionRecipients.personId, amount: recognitionRecipients.amount })
    .from(recognitionRecipients)
    .where(eq(recognitionRecipients.recognitionId, recognitionId));
  return rows.sort((a, b) => a.personId.localeCompare(b.personId));
}

describe("App Home", () => {
  it("publishes what is left to give, what was earned and the five latest recognitions received", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const { org } = workspace;
    await org.addValues("craft");
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const benSlack = await inSlack(db, workspace, ben);
    const start = Date.now() - 60_000;
    for (const n of [1, 2, 3, 4, 5]) {
      await giveAt(db, ana, [ben], 10, { message: `Thanks ${n}`, at: new Date(start + n * 1000) });
    }
    await giveAt(db, ana, [ben], 10, {
      message: "Fixed <the> build & more",
      values: ["craft"],
      at: new Date(start + 6000),
    });
    await giveAt(db, ben, [ana], 15);

    vi.stubEnv("PLAUDIT_URL", "https://plaudit.acme.example");
    const response = await deliver(homeOpened(workspace, benSlack));
    vi.unstubAllEnvs();

    expect(response.status).toBe(200);
    const [home, ...others] = homeOf(workspace, benSlack);
    expect(others).toEqual([]);
    const view = defined(home, "published home");
    expect(view.type).toBe("home");
    const texts = blockTexts(view);
    expect(texts).toContain("*Left to give this month*\n85 pts · $8.50");
    expect(texts).toContain("*Earned*\n60 pts · $6.00");
    expect(view.blocks).toContainEqual(
      expect.objectContaining({
        type: "actions",
        elements: [
          expect.objectContaining({ action_id: "open_give_modal", style: "primary" }),
          expect.objectContaining({
            action_id: "open_rewards",
            url: "https://plaudit.acme.example/rewards",
            text: { type: "plain_text", text: "Redeem rewards" },
          }),
        ],
      }),
    );
    const received = texts.filter((text) => text.startsWith("*Person 1* gave you"));
    expect(received).toEqual([
      // Typed on the web, so Slack's markup characters are escaped rather than read as markup.
      "*Person 1* gave you *10 pts · $1.00*\nFixed &lt;the&gt; build &amp; more",
      "*Person 1* gave you *10 pts · $1.00*\nThanks 5",
      "*Person 1* gave you *10 pts · $1.00*\nThanks 4",
      "*Person 1* gave you *10 pts · $1.00*\nThanks 3",
      "*Person 1* gave you *10 pts · $1.00*\nThanks 2",
    ]);
    const newestDate = `<!date^${Math.floor((start + 6000) / 1000)}^{date_short_pretty}|`;
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRegExp(newestDate)}.*#craft$`)));
  });

  it("acknowledges a click on Redeem rewards, which Slack opens as a link, and calls Slack for nothing", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const ana = await workspace.org.addPerson();
    const anaSlack = await inSlack(db, workspace, ana);
    const before = route().slack.calls.length;

    const clicked = await deliver(
      giveButtonClicked(workspace, anaSlack, slackId("trigger-"), {
        actionId: "open_rewards",
        text: "Redeem rewards",
      }),
    );

    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toBe("");
    expect(route().slack.calls.slice(before)).toEqual([]);
  });

  it("turns a reminder off and on from its button, and shows the choice at once", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const mia = await workspace.org.addPerson({ name: "Mia", roles: ["employee", "manager"] });
    await workspace.org.addPerson({ name: "Ana", managerId: mia.id });
    const miaSlack = await inSlack(db, workspace, mia);
    const reminderTexts = () =>
      blockTexts(defined(homeOf(workspace, miaSlack).at(-1), "published home")).filter((text) =>
        /^\*(Month-end reminder|Weekly team digest)/.test(text),
      );
    const click = (value: string) =>
      deliver(
        giveButtonClicked(workspace, miaSlack, slackId("trigger-"), {
          actionId: "set_reminder",
          text: "Turn off",
          value,
        }),
      );

    expect((await click("teamDigest:off")).status).toBe(200);
    expect(await getNotificationPreferences(db, mia.actor)).toMatchObject({
      allowanceReminders: true,
      teamDigest: false,
    });
    expect(reminderTexts().map((text) => text.split("\n")[0])).toEqual([
      "*Month-end reminder: on*",
      "*Weekly team digest: off*",
    ]);
    await click("teamDigest:on");
    await click("allowanceReminders:off");
    expect(await getNotificationPreferences(db, mia.actor)).toMatchObject({
      allowanceReminders: false,
      teamDigest: true,
    });
    // A value no button has changes nothing.
    await click("roles:on");
    expect(await getNotificationPreferences(db, mia.actor)).toMatchObject({
      allowanceReminders: false,
      teamDigest: true,
    });
  });

  it("ignores the Messages tab", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const ana = await workspace.org.addPerson();
    const anaSlack = await inSlack(db, workspace, ana);

    expect((await deliver(homeOpened(workspace, anaSlack, "messages"))).status).toBe(200);
    expect(homeOf(workspace, anaSlack)).toEqual([]);
  });

  it("tells a Slack user who is not in Plaudit how to get access", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const stranger = slackId("U");
    route().slack.addUser({ id: stranger, name: "Sam Stranger", email: "sam@elsewhere.test" });

    await deliver(homeOpened(workspace, stranger));

    const [home] = homeOf(workspace, stranger);
    const view = defined(home, "published home");
    expect(blockTexts(view)).toContain(
      "You're not in Plaudit yet. Ask an admin to add you with the email you use in Slack (sam@elsewhere.test).",
    );
    expect(JSON.stringify(view)).not.toContain("open_give_modal");
  });
});

describe("the Give points modal", () => {
  it("opens from the App Home button with the org's active values as options", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const { org } = workspace;
    await org.addValues("ownership", "craft", "legacy");
    await db
      .update(companyValues)
      .set({ retiredAt: new Date() })
      .where(and(eq(companyValues.orgId, org.id), eq(companyValues.name, "legacy")));
    const ana = await org.addPerson();
    const anaSlack = await inSlack(db, workspace, ana);
    const triggerId = slackId("trigger-");

    const response = await deliver(giveButtonClicked(workspace, anaSlack, triggerId));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    const modal = openedModal(workspace, triggerId);
    expect(modal.callback_id).toBe("give_points_modal");
    expect(JSON.parse(modal.private_metadata)).toEqual({});
    expect(modal.blocks.map((block) => block.block_id)).toEqual([
      "recipients",
      "points",
      "message",
      "values",
    ]);
    const byId = (id: string) => defined(modal.blocks.find((block) => block.block_id === id));
    expect(byId("recipients").element).toMatchObject({ type: "multi_users_select", action_id: "recipients" });
    expect(byId("recipients").element).not.toHaveProperty("initial_users");
    expect(byId("points").element).toMatchObject({
      type: "number_input",
      is_decimal_allowed: false,
      min_value: "1",
    });
    expect(byId("message").element).toMatchObject({ type: "plain_text_input", multiline: true });
    expect(byId("values")).toMatchObject({
      optional: true,
      element: {
        type: "multi_static_select",
        options: [
          { text: { type: "plain_text", text: "#craft" }, value: "craft" },
          { text: { type: "plain_text", text: "#ownership" }, value: "ownership" },
        ],
      },
    });
  });

  it("asks for a value when the org requires one, and hides values when they are off", async () => {
    const { db } = await database();
    const required = await orgInSlack(db, { valuesMode: "required" });
    const off = await orgInSlack(db, { valuesMode: "off" });
    for (const workspace of [required, off]) await workspace.org.addValues("craft");

    const requiredModal = await openGiveModal(
      required,
      await inSlack(db, required, await required.org.addPerson()),
    );
    const offModal = await openGiveModal(off, await inSlack(db, off, await off.org.addPerson()));

    expect(requiredModal.blocks.find((block) => block.block_id === "values")).toMatchObject({
      optional: false,
    });
    expect(offModal.blocks.map((block) => block.block_id)).toEqual(["recipients", "points", "message"]);
  });

  it("gives on a valid submission with an empty ack, announces it and refreshes the giver's App Home", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db, { slackRecognitionChannel: "CRECOGNITION" });
    const { org } = workspace;
    await org.addValues("craft");
    const [ana, ben, cam] = await org.addPeople(3);
    if (!ana || !ben || !cam) throw new Error("people missing");
    const [anaSlack, benSlack, camSlack] = [
      await inSlack(db, workspace, ana),
      await inSlack(db, workspace, ben),
      await inSlack(db, workspace, cam),
    ];
    const modal = await openGiveModal(workspace, anaSlack);
    const viewId = slackId("V");

    const response = await deliver(
      submitted(workspace, anaSlack, modal, viewId, {
        recipients: [benSlack, camSlack],
        points: "10",
        message: "  Great launch ",
        values: ["craft"],
      }),
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    const [recognition, ...more] = await recognitionsOf(db, org.id);
    expect(more).toEqual([]);
    expect(recognition).toMatchObject({
      giverId: ana.id,
      source: "slack",
      message: "Great launch",
      amountPerRecipient: 10,
      totalAmount: 20,
      key: `slack:view:${workspace.teamId}:${viewId}`,
    });
    expect(await recipientsOf(db, defined(recognition).id)).toEqual(
      [
        { personId: ben.id, amount: 10 },
        { personId: cam.id, amount: 10 },
      ].sort((a, b) => a.personId.localeCompare(b.personId)),
    );
    await expectLedgerClean(db, org.id);

    expect(sentWith(workspace, "chat.postMessage")).toEqual(
      expect.arrayContaining([
        {
          channel: "CRECOGNITION",
          text: `:tada: <@${anaSlack}> gave <@${benSlack}> and <@${camSlack}> 10 pts each: Great launch  #craft`,
        },
        {
          channel: `D${benSlack}`,
          text: `<@${anaSlack}> gave you 10 pts · $1.00: Great launch\nYou now have 10 pts · $1.00 earned.`,
        },
        {
          channel: `D${camSlack}`,
          text: `<@${anaSlack}> gave you 10 pts · $1.00: Great launch\nYou now have 10 pts · $1.00 earned.`,
        },
      ]),
    );
    expect(callsOf(workspace, "chat.postMessage")).toHaveLength(3);
    // Given from App Home, where there is no channel: the giver's confirmation goes to their DM with the app.
    expect(sentWith(workspace, "chat.postEphemeral")).toEqual([
      {
        channel: `D${anaSlack}`,
        user: anaSlack,
        text: `You gave 20 pts · $2.00 to <@${benSlack}> and <@${camSlack}>. You have 80 pts · $8.00 left to give this month.`,
      },
    ]);
    const [home] = homeOf(workspace, anaSlack);
    expect(blockTexts(defined(home, "refreshed home"))).toContain(
      "*Left to give this month*\n80 pts · $8.00",
    );
  });

  it("gives once when Slack delivers the same submission three times", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const { org } = workspace;
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const anaSlack = await inSlack(db, workspace, ana);
    const benSlack = await inSlack(db, workspace, ben);
    const modal = await openGiveModal(workspace, anaSlack);
    const filled = { recipients: [benSlack], points: "25", message: "Thanks for the review" };
    const viewId = slackId("V");

    const responses = await Promise.all(
      [1, 2, 3].map(() => route().post(submitted(workspace, anaSlack, modal, viewId, filled))),
    );
    await route().settle();

    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
    }
    const given = await recognitionsOf(db, org.id);
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ amountPerRecipient: 25, message: "Thanks for the review" });
    await expectLedgerClean(db, org.id);
    // Announced once: one public post in the giver's DM (no channel anywhere) and one DM to Ben.
    const posts = callsOf(workspace, "chat.postMessage");
    expect(posts.map((call) => call.args.channel).sort()).toEqual([`D${anaSlack}`, `D${benSlack}`].sort());
    // Each delivery is confirmed to the giver, with the same figures.
    const confirmations = callsOf(workspace, "chat.postEphemeral").map((call) => call.args.text);
    expect(confirmations).toEqual(
      Array(3).fill(
        `You gave 25 pts · $2.50 to <@${benSlack}>. You have 75 pts · $7.50 left to give this month.`,
      ),
    );
  });

  it("answers each refusal under the field it is about, and writes nothing", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const { org } = workspace;
    const [ana, ben, cam] = await org.addPeople(3);
    if (!ana || !ben || !cam) throw new Error("people missing");
    const leaver = await org.addPerson({ name: "Lee Leaver", active: false });
    const robot = await org.addPerson({ name: "Deploy Bot", isBot: true });
    const [anaSlack, benSlack, camSlack, leaverSlack, robotSlack] = [
      await inSlack(db, workspace, ana),
      await inSlack(db, workspace, ben),
      await inSlack(db, workspace, cam),
      await inSlack(db, workspace, leaver),
      await inSlack(db, workspace, robot),
    ];
    const slackBot = slackId("U");
    route().slack.addUser({ id: slackBot, name: "Standup Bot", isBot: true });
    const stranger = slackId("U");
    const modal = await openGiveModal(workspace, anaSlack);
    const valid = { recipients: [benSlack], points: "10", message: "Thanks" };

    const cases: { filled: Filled; errors: Record<string, string> }[] = [
      {
        filled: { ...valid, recipients: [benSlack, camSlack], points: "60" },
        errors: { points: "That needs 120 pts but you have 100 pts · $10.00 left this month." },
      },
      {
        filled: { ...valid, points: "500" },
        errors: { points: "Give between 1 and 100 points per person." },
      },
      { filled: { ...valid, points: "2.5" }, errors: { points: "Points are whole numbers." } },
      { filled: { ...valid, points: "" }, errors: { points: "Enter a number of points." } },
      {
        filled: { ...valid, message: "   " },
        errors: { message: "Add a message saying what the points are for." },
      },
      {
        filled: { ...valid, message: "Thanks\u0000" },
        errors: { message: "Remove the control characters (such as a NUL byte) from this text." },
      },
      {
        filled: { ...valid, recipients: [] },
        errors: { recipients: "Choose at least one person to thank." },
      },
      {
        filled: { ...valid, recipients: [anaSlack] },
        errors: { recipients: "You can't give points to yourself." },
      },
      {
        filled: { ...valid, recipients: [benSlack, robotSlack] },
        errors: { recipients: "Deploy Bot is a bot and can't receive points." },
      },
      {
        filled: { ...valid, recipients: [slackBot] },
        errors: { recipients: "One of the people you chose is a bot and can't receive points." },
      },
      {
        filled: { ...valid, recipients: [leaverSlack] },
        errors: { recipients: "Lee Leaver has been deactivated and can't receive points." },
      },
      {
        filled: { ...valid, recipients: [benSlack, stranger] },
        errors: {
          recipients:
            "One of the people you chose isn't in Plaudit yet, so they can't receive points. An admin can add them with the email they use in Slack.",
        },
      },
    ];
    const before = await orgFootprint(db, org.id);
    for (const { filled, errors } of cases) {
      const response = await deliver(submitted(workspace, anaSlack, modal, slackId("V"), filled));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ response_action: "errors", errors });
    }
    expect(await orgFootprint(db, org.id)).toEqual(before);
    expect(callsOf(workspace, "chat.postMessage")).toEqual([]);
    expect(callsOf(workspace, "chat.postEphemeral")).toEqual([]);
  });

  it("refuses a submission without the value the org requires, under the values field", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db, { valuesMode: "required" });
    const { org } = workspace;
    await org.addValues("craft");
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const anaSlack = await inSlack(db, workspace, ana);
    const benSlack = await inSlack(db, workspace, ben);
    const modal = await openGiveModal(workspace, anaSlack);
    const before = await orgFootprint(db, org.id);

    const response = await deliver(
      submitted(workspace, anaSlack, modal, slackId("V"), {
        recipients: [benSlack],
        points: "5",
        message: "Hi",
      }),
    );

    expect(await response.json()).toEqual({
      response_action: "errors",
      errors: { values: "Pick at least one company value." },
    });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });
});

describe("a modal give saved before Slack is answered", () => {
  const STILL_GIVING = "Plaudit is still saving these points. You'll get a message once they're given.";

  /** Ana, who has given once (so her allowance account exists to be locked), with the modal open. */
  async function modalReady(db: Database) {
    const workspace = await orgInSlack(db);
    const [ana, ben] = await workspace.org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    await giveAt(db, ana, [ben], 1);
    const anaSlack = await inSlack(db, workspace, ana);
    const benSlack = await inSlack(db, workspace, ben);
    return { workspace, ana, ben, anaSlack, benSlack, modal: await openGiveModal(workspace, anaSlack) };
  }

  it("closes the modal only once the give is committed", async () => {
    const { db } = await database();
    const { workspace, ana, anaSlack, benSlack, modal } = await modalReady(db);
    const lock = await holdAllowanceLock(db, ana.id);
    const releasing = pause(300).then(lock.release);

    const response = await route().post(
      submitted(workspace, anaSlack, modal, slackId("V"), {
        recipients: [benSlack],
        points: "10",
        message: "Thanks",
      }),
    );

    expect(await response.text()).toBe("");
    // In either order: the waiting give's row may carry the earlier transaction start.
    const amounts = (await recognitionsOf(db, workspace.org.id)).map((given) => given.totalAmount);
    expect(amounts.sort((a, b) => a - b)).toEqual([1, 10]);
    await releasing;
    await route().settle();
  });

  it("turns the modal into a notice within Slack's deadline when the database is slow, then gives and says so", async () => {
    const { db } = await database();
    const { workspace, ana, anaSlack, benSlack, modal } = await modalReady(db);
    const lock = await holdAllowanceLock(db, ana.id);

    const started = performance.now();
    const response = await route().post(
      submitted(workspace, anaSlack, modal, slackId("V"), {
        recipients: [benSlack],
        points: "10",
        message: "Thanks for the review",
      }),
    );
    const waited = performance.now() - started;

    expect(waited).toBeLessThan(SLACK_GIVES_UP_MS);
    // An empty answer would close the modal as if the points were given; they are not, yet.
    const answer = (await response.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(answer.response_action).toBe("update");
    expect(blockTexts(answer.view)).toEqual([STILL_GIVING]);
    expect(await recognitionsOf(db, workspace.org.id)).toHaveLength(1);

    await lock.release();
    await route().settle();
    // In either order: the waiting give's row may carry the earlier transaction start.
    const amounts = (await recognitionsOf(db, workspace.org.id)).map((given) => given.totalAmount);
    expect(amounts.sort((a, b) => a - b)).toEqual([1, 10]);
    await expectLedgerClean(db, workspace.org.id);
    expect(sentWith(workspace, "chat.postEphemeral")).toEqual([
      {
        channel: `D${anaSlack}`,
        user: anaSlack,
        text: `You gave 10 pts · $1.00 to <@${benSlack}>. You have 89 pts · $8.90 left to give this month.`,
      },
    ]);
    expect(
      callsOf(workspace, "chat.postMessage")
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual([`D${anaSlack}`, `D${benSlack}`].sort());
  });

  it("tells the giver of a refusal that came after the deadline, and gives nothing", async () => {
    const { db } = await database();
    const { workspace, ana, ben, anaSlack, benSlack, modal } = await modalReady(db);
    const lock = await holdAllowanceLock(db, ana.id);

    const answering = route().post(
      submitted(workspace, anaSlack, modal, slackId("V"), {
        recipients: [benSlack],
        points: "10",
        message: "Thanks for the review",
      }),
    );
    // Ben leaves while the give waits for Ana's allowance: the give must not credit him after all.
    await pause(300);
    await deactivatePerson(db, workspace.org.admin.actor, { personId: ben.id });
    expect(((await (await answering).json()) as { response_action: string }).response_action).toBe("update");

    await lock.release();
    await route().settle();
    expect(await recognitionsOf(db, workspace.org.id)).toHaveLength(1);
    expect(sentWith(workspace, "chat.postEphemeral")).toEqual([
      {
        channel: `D${anaSlack}`,
        user: anaSlack,
        text: `${ben.name} has been deactivated and can't receive points.`,
      },
    ]);
    expect(callsOf(workspace, "chat.postMessage")).toEqual([]);
  });
});

describe("the Give points for this message shortcut", () => {
  it("opens the modal with the author chosen and a link to the message, and answers in its thread", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const { org } = workspace;
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const anaSlack = await inSlack(db, workspace, ana);
    const benSlack = await inSlack(db, workspace, ben);
    const triggerId = slackId("trigger-");
    const message = { channel: "CDEPLOYS", ts: "1700000000.000200", author: benSlack };
    const permalink = "https://fake.slack.com/archives/CDEPLOYS/p1700000000000200";

    const response = await deliver(messageShortcut(workspace, anaSlack, triggerId, message));

    expect(response.status).toBe(200);
    const modal = openedModal(workspace, triggerId);
    expect(modal.blocks.find((block) => block.block_id === "recipients")).toMatchObject({
      element: { type: "multi_users_select", initial_users: [benSlack] },
    });
    expect(blockTexts(modal)).toContain(`For <${permalink}|this message>; the link is added to yours.`);
    expect(JSON.parse(modal.private_metadata)).toEqual({
      channel: "CDEPLOYS",
      threadTs: "1700000000.000200",
      permalink,
    });

    await deliver(
      submitted(workspace, anaSlack, modal, slackId("V"), {
        recipients: [benSlack],
        points: "20",
        message: "Great catch",
      }),
    );

    const [recognition] = await recognitionsOf(db, org.id);
    expect(recognition?.message).toBe(`Great catch\n${permalink}`);
    expect(sentWith(workspace, "chat.postMessage")).toContainEqual({
      channel: "CDEPLOYS",
      thread_ts: "1700000000.000200",
      text: `:tada: <@${anaSlack}> gave <@${benSlack}> 20 pts: Great catch\n${permalink}`,
    });
    expect(sentWith(workspace, "chat.postEphemeral")).toEqual([
      expect.objectContaining({ channel: "CDEPLOYS", user: anaSlack }),
    ]);
  });

  it("answers a reply in its parent's thread, and chooses nobody for a bot's message", async () => {
    const { db } = await database();
    const workspace = await orgInSlack(db);
    const anaSlack = await inSlack(db, workspace, await workspace.org.addPerson());
    const triggerId = slackId("trigger-");

    await deliver(
      messageShortcut(workspace, anaSlack, triggerId, {
        channel: "CDEPLOYS",
        ts: "1700000000.000300",
        threadTs: "1700000000.000100",
      }),
    );

    const modal = openedModal(workspace, triggerId);
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ threadTs: "1700000000.000100" });
    expect(modal.blocks.find((block) => block.block_id === "recipients")).not.toHaveProperty(
      "element.initial_users",
    );
  });
});

describe("a workspace bound to another org", () => {
  it("can neither see nor touch this org's people", async () => {
    const { db } = await database();
    const ours = await orgInSlack(db);
    const theirs = await orgInSlack(db);
    const [ana, ben] = await ours.org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const anaSlack = await inSlack(db, ours, ana);
    const benSlack = await inSlack(db, ours, ben);
    route().slack.addUser({ id: anaSlack, name: "Ana", email: `ana@${ours.org.slug}.test` });
    await giveAt(db, ana, [ben], 30, { message: "Our secret project" });
    const zed = await theirs.org.addPerson();
    const zedSlack = await inSlack(db, theirs, zed);
    const before = await Promise.all([ours, theirs].map((workspace) => orgFootprint(db, workspace.org.id)));

    // Our Slack user, arriving through their workspace, is nobody there.
    await deliver(homeOpened(theirs, anaSlack));
    const [home] = homeOf(theirs, anaSlack);
    expect(blockTexts(defined(home, "their home"))).toEqual([
      "Plaudit",
      `You're not in Plaudit yet. Ask an admin to add you with the email you use in Slack (ana@${ours.org.slug}.test).`,
    ]);
    const triggerId = slackId("trigger-");
    await deliver(giveButtonClicked(theirs, anaSlack, triggerId));
    expect(openedModal(theirs, triggerId).blocks.map((block) => block.type)).toEqual(["section"]);

    // Their person naming our people gets nowhere.
    const modal = await openGiveModal(theirs, zedSlack);
    const response = await deliver(
      submitted(theirs, zedSlack, modal, slackId("V"), {
        recipients: [benSlack],
        points: "5",
        message: "Hi",
      }),
    );
    expect(await response.json()).toEqual({
      response_action: "errors",
      errors: {
        recipients:
          "One of the people you chose isn't in Plaudit yet, so they can't receive points. An admin can add them with the email they use in Slack.",
      },
    });
    await deliver(homeOpened(theirs, zedSlack));
    expect(JSON.stringify(homeOf(theirs, zedSlack))).not.toContain("Our secret project");

    expect(await Promise.all([ours, theirs].map((workspace) => orgFootprint(db, workspace.org.id)))).toEqual(
      before,
    );
    expect(callsOf(ours, "views.publish")).toEqual([]);
    expect(callsOf(theirs, "chat.postMessage")).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
