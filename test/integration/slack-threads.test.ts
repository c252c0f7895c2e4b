import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { listRecognitionComments } from "../../core/feed/list-recognition-comments";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { REACTIONS } from "../../core/feed/reactions";
import type { Database } from "../../db/client";
import { copyCommentToSlack, copyReactionToSlack } from "../../slack/threads/copy-to-slack";
import { eventCallback, slashCommand } from "../../testing/slack-requests";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { key } from "../support/factories";
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

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

const database = workerDatabase();
const route = slackRoute({ SLACK_BOT_TOKEN: undefined, PLAUDIT_SECRET_KEY: "slack-threads-test" });

/** Sends a signed request to the route and waits for what it does after answering, as Slack and Next would. */
async function deliver(request: Request): Promise<Response> {
  const response = await route().post(request);
  await route().settle();
  expect(response.status).toBe(200);
  return response;
}

/** An org in Slack where Gus thanked Ana with `/give`: the recognition and the bot's post about it. */
async function announcedGive(db: Database) {
  const workspace = await connectSlackOrg(db, route);
  const gus = await workspace.member({ name: "Gus" });
  const ana = await workspace.member({ name: "Ana" });
  const cleo = await workspace.member({ name: "Cleo" });
  await deliver(
    slashCommand({ text: `${ana.mention} 10 for the launch`, userId: gus.slackId, teamId: workspace.teamId }),
  );
  const [recognition] = await db.execute<{ id: string }>(
    sql`select id from recognitions where org_id = ${workspace.org.id}::uuid`,
  );
  const post = defined(
    workspace.calls("chat.postMessage").find((call) => call.args.channel === CHANNEL),
    "the public post",
  );
  const postTs = String(defined(await botPostTs(db, workspace)));
  expect(String(post.args.text)).toContain("gave");
  return { workspace, gus, ana, cleo, recognitionId: defined(recognition).id, postTs };
}

async function botPostTs(db: Database, workspace: Workspace): Promise<string | undefined> {
  const [row] = await db.execute<{ message_ts: string }>(
    sql`select message_ts from slack_announcements where org_id = ${workspace.org.id}::uuid`,
  );
  return row?.message_ts;
}

function reactionEvent(
  workspace: Workspace,
  type: "reaction_added" | "reaction_removed",
  by: Member,
  reaction: string,
  ts: string,
) {
  return eventCallback(
    {
      type,
      user: by.slackId,
      reaction,
      item_user: "UBOT",
      item: { type: "message", channel: CHANNEL, ts },
      event_ts: newTs(),
    },
    { teamId: workspace.teamId },
  );
}

async function reactionsOn(db: Database, recognitionId: string) {
  return db.execute<{ person_id: string; reaction: string; source: string }>(sql`
    select person_id, reaction, source from recognition_reactions
    where recognition_id = ${recognitionId}::uuid order by reaction`);
}

describe("a recognition given in Slack", () => {
  it("remembers its public post, whose thread is the post's own", async () => {
    const { db } = await database();
    const { workspace, recognitionId } = await announcedGive(db);
    const [row] = await db.execute<{ recognition_id: string; channel_id: string; team_id: string }>(sql`
      select recognition_id, channel_id, team_id, message_ts = thread_ts as own_thread
      from slack_announcements where org_id = ${workspace.org.id}::uuid`);
    expect(row).toEqual({
      recognition_id: recognitionId,
      channel_id: CHANNEL,
      team_id: workspace.teamId,
      own_thread: true,
    });
  });

  it("given by a +N message, keeps the message's thread, where its confirmation went", async () => {
    const { db } = await database();
    const workspace = await connectSlackOrg(db, route);
    const gus = await workspace.member({ name: "Gus" });
    const ana = await workspace.member({ name: "Ana" });
    const ts = newTs();
    await deliver(messageEvent(workspace, { user: gus.slackId, text: `+10 ${ana.mention} great demo`, ts }));
    const [row] = await db.execute<{ thread_ts: string; message_ts: string }>(
      sql`select thread_ts, message_ts from slack_announcements where org_id = ${workspace.org.id}::uuid`,
    );
    expect(row?.thread_ts).toBe(ts);
    expect(row?.message_ts).not.toBe(ts);
  });
});

describe("reactions in Slack", () => {
  it("react to the recognition with the feed's emoji, skin tones included, and take it back", async () => {
    const { db } = await database();
    const { workspace, ana, cleo, recognitionId, postTs } = await announcedGive(db);
    await deliver(reactionEvent(workspace, "reaction_added", cleo, "clap::skin-tone-3", postTs));
    await deliver(reactionEvent(workspace, "reaction_added", ana, "fire", postTs));
    expect(await reactionsOn(db, recognitionId)).toEqual([
      { person_id: cleo.id, reaction: "clap", source: "slack" },
      { person_id: ana.id, reaction: "fire", source: "slack" },
    ]);
    await deliver(reactionEvent(workspace, "reaction_removed", cleo, "clap::skin-tone-3", postTs));
    expect(await reactionsOn(db, recognitionId)).toEqual([
      { person_id: ana.id, reaction: "fire", source: "slack" },
    ]);
  });

  it("count once however often Slack delivers them, and to the +N message as to the post", async () => {
    const { db } = await database();
    const workspace = await connectSlackOrg(db, route);
    const gus = await workspace.member({ name: "Gus" });
    const ana = await workspace.member({ name: "Ana" });
    const cleo = await workspace.member({ name: "Cleo" });
    const ts = newTs();
    await deliver(messageEvent(workspace, { user: gus.slackId, text: `+10 ${ana.mention} great demo`, ts }));
    const added = reactionEvent(workspace, "reaction_added", cleo, "tada", ts);
    await Promise.all([deliver(added.clone()), deliver(added.clone()), deliver(added)]);
    const [recognition] = await db.execute<{ id: string }>(
      sql`select id from recognitions where org_id = ${workspace.org.id}::uuid`,
    );
    expect(await reactionsOn(db, defined(recognition).id)).toEqual([
      { person_id: cleo.id, reaction: "tada", source: "slack" },
    ]);
  });

  it("leave the recognition alone for other emoji, other messages and people not in Plaudit", async () => {
    const { db } = await database();
    const { workspace, cleo, recognitionId, postTs } = await announcedGive(db);
    await deliver(reactionEvent(workspace, "reaction_added", cleo, "thumbsup", postTs));
    await deliver(reactionEvent(workspace, "reaction_added", cleo, "clap", newTs()));
    const stranger = { ...cleo, slackId: "USTRANGER1" };
    await deliver(reactionEvent(workspace, "reaction_added", stranger, "clap", postTs));
    expect(await reactionsOn(db, recognitionId)).toEqual([]);
    // The same person, emoji and post as above, together: that one counts.
    await deliver(reactionEvent(workspace, "reaction_added", cleo, "clap", postTs));
    expect(await reactionsOn(db, recognitionId)).toEqual([
      { person_id: cleo.id, reaction: "clap", source: "slack" },
    ]);
  });
});

describe("replies in the post's Slack thread", () => {
  it("become comments on the web, mentions by name and Slack's escapes undone", async () => {
    const { db } = await database();
    const { workspace, ana, cleo, recognitionId, postTs } = await announcedGive(db);
    route().slack.addUser({ id: ana.slackId, name: "Ana Lima" });
    await deliver(
      messageEvent(workspace, {
        user: cleo.slackId,
        text: `Well deserved <@${ana.slackId}> &amp; see <https://example.com/launch|the launch notes>`,
        ts: newTs(),
        thread_ts: postTs,
      }),
    );
    const { comments } = await listRecognitionComments(db, cleo.actor, { recognitionId });
    expect(comments.map(({ author, body, source }) => ({ author: author.name, body, source }))).toEqual([
      {
        author: cleo.name,
        body: "Well deserved @Ana Lima & see the launch notes (https://example.com/launch)",
        source: "slack",
      },
    ]);
  });

  it("comment once however often Slack delivers the reply", async () => {
    const { db } = await database();
    const { workspace, cleo, recognitionId, postTs } = await announcedGive(db);
    const reply = messageEvent(workspace, {
      user: cleo.slackId,
      text: "Bravo",
      ts: newTs(),
      thread_ts: postTs,
    });
    await Promise.all([deliver(reply.clone()), deliver(reply.clone()), deliver(reply)]);
    const { comments } = await listRecognitionComments(db, cleo.actor, { recognitionId });
    expect(comments.map((comment) => comment.body)).toEqual(["Bravo"]);
  });

  it("give instead when they are +N messages, and leave other threads alone", async () => {
    const { db } = await database();
    const { workspace, ana, cleo, recognitionId, postTs } = await announcedGive(db);
    await deliver(
      messageEvent(workspace, {
        user: cleo.slackId,
        text: `+5 ${ana.mention} seconded`,
        ts: newTs(),
        thread_ts: postTs,
      }),
    );
    await deliver(
      messageEvent(workspace, { user: cleo.slackId, text: "Elsewhere", ts: newTs(), thread_ts: newTs() }),
    );
    const { comments } = await listRecognitionComments(db, cleo.actor, { recognitionId });
    expect(comments).toEqual([]);
    const [gives] = await db.execute<{ count: string }>(
      sql`select count(*) from recognitions where org_id = ${workspace.org.id}::uuid`,
    );
    expect(Number(gives?.count)).toBe(2);
  });

  it("too long for the web stay in Slack, and the author is told why", async () => {
    const { db } = await database();
    const { workspace, cleo, recognitionId, postTs } = await announcedGive(db);
    await deliver(
      messageEvent(workspace, { user: cleo.slackId, text: "a".repeat(1001), ts: newTs(), thread_ts: postTs }),
    );
    expect((await listRecognitionComments(db, cleo.actor, { recognitionId })).comments).toEqual([]);
    expect(workspace.ephemerals()).toContainEqual(
      expect.objectContaining({
        user: cleo.slackId,
        text: "Your reply stays in Slack only, not on Plaudit: A comment can be at most 1,000 characters.",
      }),
    );
  });
});

describe("replies edited or deleted in Slack", () => {
  async function replied(db: Database) {
    const given = await announcedGive(db);
    const ts = newTs();
    const reply = { type: "message", user: given.cleo.slackId, text: "Bravo", ts, thread_ts: given.postTs };
    await deliver(messageEvent(given.workspace, reply));
    const change = (subtype: "message_changed" | "message_deleted", text?: string) =>
      deliver(
        messageEvent(given.workspace, {
          subtype,
          hidden: true,
          ts: newTs(),
          previous_message: reply,
          ...(subtype === "message_changed"
            ? { message: { ...reply, text, edited: { user: reply.user, ts: newTs() } } }
            : { deleted_ts: ts }),
        }),
      );
    const bodies = async () =>
      (
        await listRecognitionComments(db, given.cleo.actor, { recognitionId: given.recognitionId })
      ).comments.map((comment) => comment.body);
    return { ...given, change, bodies };
  }

  it("change the comment they became, and take it away", async () => {
    const { db } = await database();
    const { change, bodies } = await replied(db);
    expect(await bodies()).toEqual(["Bravo"]);
    await change("message_changed", "Bravo, &amp; well deserved");
    expect(await bodies()).toEqual(["Bravo, & well deserved"]);
    await change("message_deleted");
    expect(await bodies()).toEqual([]);
  });

  it("keep the comment as it was when the edit is too long for the web, and say so", async () => {
    const { db } = await database();
    const { workspace, cleo, change, bodies } = await replied(db);
    await change("message_changed", "b".repeat(1001));
    expect(await bodies()).toEqual(["Bravo"]);
    expect(workspace.ephemerals()).toContainEqual(
      expect.objectContaining({
        user: cleo.slackId,
        text: "Plaudit keeps your reply as it was on the web: A comment can be at most 1,000 characters.",
      }),
    );
  });

  it("change nothing for a deleted reply that never became a comment", async () => {
    const { db } = await database();
    const { workspace, cleo, recognitionId, postTs } = await announcedGive(db);
    await commentOnRecognition(db, cleo.actor, {
      recognitionId,
      body: "From the web",
      idempotencyKey: key(),
    });
    const someTs = newTs();
    await deliver(
      messageEvent(workspace, {
        subtype: "message_deleted",
        hidden: true,
        ts: newTs(),
        deleted_ts: someTs,
        previous_message: { type: "message", user: cleo.slackId, text: "x", ts: someTs, thread_ts: postTs },
      }),
    );
    const { comments } = await listRecognitionComments(db, cleo.actor, { recognitionId });
    expect(comments.map((comment) => comment.body)).toEqual(["From the web"]);
  });
});

describe("what people add on the web", () => {
  it("shows in Slack as the bot's reaction while anyone on the web keeps it", async () => {
    const { db } = await database();
    const { workspace, ana, cleo, recognitionId, postTs } = await announcedGive(db);
    const react = async (who: Member, on: boolean) => {
      await reactToRecognition(db, who.actor, { recognitionId, reaction: "heart", on });
      await copyReactionToSlack(db, who.actor, recognitionId, "heart");
    };
    const botReactions = () => route().slack.botReactionsOn(CHANNEL, postTs);
    await react(ana, true);
    await react(cleo, true);
    expect(botReactions()).toEqual(["heart"]);
    await react(ana, false);
    expect(botReactions()).toEqual(["heart"]);
    await react(cleo, false);
    expect(botReactions()).toEqual([]);
    // Someone who reacted in Slack is seen there already: the bot does not react for them.
    await deliver(reactionEvent(workspace, "reaction_added", cleo, "heart", postTs));
    await copyReactionToSlack(db, cleo.actor, recognitionId, "heart");
    expect(botReactions()).toEqual([]);
    expect(
      workspace.calls("reactions.add").every((call) => REACTIONS.includes(call.args.name as "heart")),
    ).toBe(true);
  });

  it("posts a comment in the Slack thread under its author's name, escaped for Slack", async () => {
    const { db } = await database();
    const { workspace, cleo, recognitionId, postTs } = await announcedGive(db);
    const { comment } = await commentOnRecognition(db, cleo.actor, {
      recognitionId,
      body: "Great <work> & more",
      idempotencyKey: key(),
    });
    await copyCommentToSlack(db, cleo.actor, recognitionId, comment);
    expect(workspace.publicPosts().at(-1)).toEqual({
      channel: CHANNEL,
      thread_ts: postTs,
      text: "*Cleo* on Plaudit: Great &lt;work&gt; &amp; more",
    });
  });

  it("stays on the web for a recognition given there, and when Slack is down", async () => {
    const { db } = await database();
    const { workspace, gus, ana, recognitionId } = await announcedGive(db);
    const posted = workspace.calls().length;
    const webGive = await giveAt(db, gus, [ana], 5);
    await copyReactionToSlack(db, ana.actor, webGive.recognitionId, "clap");
    expect(workspace.calls()).toHaveLength(posted);
    route().slack.setOutage(500);
    try {
      const { comment } = await commentOnRecognition(db, ana.actor, {
        recognitionId,
        body: "Thank you!",
        idempotencyKey: key(),
      });
      await expect(copyCommentToSlack(db, ana.actor, recognitionId, comment)).resolves.toBeUndefined();
    } finally {
      route().slack.setOutage(null);
    }
    const { comments } = await listRecognitionComments(db, ana.actor, { recognitionId });
    expect(comments.map((comment) => comment.body)).toEqual(["Thank you!"]);
  });
});
