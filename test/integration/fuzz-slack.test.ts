import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import { SOMETHING_FAILED } from "../../slack/private-reply";
import { eventCallback, signedRequest, slashCommand } from "../../testing/slack-requests";
import { expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import type { TestOrg } from "../support/factories";
import { createTestOrg } from "../support/factories";
import { anyJson, anyText, fuzzParameters, oddNumber } from "../support/fuzz";
import { slackRoute } from "../support/slack-route";
import { linkSlackUser, newSlackId } from "../support/slack-workspace";

/**
 * Signed Slack requests with fuzzed `/give` texts and event payloads, through the real receiver: none
 * may answer 5xx, invalid input never gets the "try again" reply (it is not a passing fault), and the
 * ledger reconciles afterwards.
 */

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

const database = workerDatabase();
const route = slackRoute({ SLACK_BOT_TOKEN: undefined, PLAUDIT_SECRET_KEY: "slack-fuzz-test" });

let org: TestOrg;
let teamId: string;
let token: string;
let giverId: string;
let memberIds: string[];

beforeAll(async () => {
  for (const name of ["GIVES", "REDEMPTIONS"]) vi.stubEnv(`PLAUDIT_RATE_LIMIT_${name}`, "1000000/1m");
  const { db } = await database();
  org = await createTestOrg(db);
  await org.addValues("ownership");
  teamId = newSlackId("T");
  token = `xoxb-${teamId.toLowerCase()}`;
  await saveSlackInstallation(db, org.admin.actor, {
    teamId,
    botUserId: "UBOT",
    botId: "BBOT",
    botToken: token,
  });
  const people = await org.addPeople(3);
  memberIds = await Promise.all(people.map((person) => linkSlackUser(db, teamId, person.id)));
  giverId = memberIds[0] ?? "";
  return () => vi.unstubAllEnvs();
});

/** A word of a `/give` or `+N` text: mentions known and unknown, amounts, values and anything else. */
const word: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.integer({ min: 0, max: 2 }).map((index) => {
      const id = memberIds[index] ?? "";
      return `<@${id}|${id.toLowerCase()}>`;
    }),
    weight: 4,
  },
  { arbitrary: fc.integer({ min: 0, max: 2 }).map((index) => `<@${memberIds[index]}>`), weight: 1 },
  {
    arbitrary: fc.constantFrom("<@UNOBODY>", "<@>", "<@U1|>", "<!here>", "<#C123|general>", "@ana"),
    weight: 1,
  },
  { arbitrary: oddNumber.map(String), weight: 2 },
  { arbitrary: oddNumber.map((amount) => `+${amount}`), weight: 2 },
  {
    arbitrary: fc.constantFrom("for", "#ownership", "#OWNERSHIP", "#unknown", "#", "pts", "points"),
    weight: 2,
  },
  { arbitrary: anyText, weight: 2 },
);

const giveText = fc
  .array(word, { maxLength: 8 })
  .chain((words) => fc.constantFrom(" ", "  ", "\n", "\u00a0").map((space) => words.join(space)));

/** What Slack was told in this workspace, and in the acknowledgement. */
function repliesSince(callsBefore: number, acknowledgement: string): string[] {
  const calls = route()
    .slack.calls.slice(callsBefore)
    .filter((call) => call.token === token);
  return [acknowledgement, ...calls.map((call) => JSON.stringify(call.args))];
}

async function expectHandled(request: Request, what: string): Promise<void> {
  const callsBefore = route().slack.calls.length;
  const response = await route().post(request);
  const acknowledgement = await response.text();
  await route().settle();
  const context = `${what} → ${response.status} ${acknowledgement.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  for (const reply of repliesSince(callsBefore, acknowledgement)) {
    expect(reply, context).not.toContain(SOMETHING_FAILED);
  }
}

let tsCounter = 0;
const newTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, "0")}`;

/** Message events as Slack sends them, with fields of the wrong type now and then. */
const messageEvent = fc.record(
  {
    type: fc.oneof({ arbitrary: fc.constant("message"), weight: 6 }, { arbitrary: anyJson, weight: 1 }),
    text: fc.oneof(
      { arbitrary: giveText.map((text) => `+${text}`), weight: 3 },
      { arbitrary: giveText, weight: 3 },
      { arbitrary: anyJson, weight: 1 },
    ),
    user: fc.oneof(
      { arbitrary: fc.constant("giver"), weight: 6 },
      { arbitrary: fc.constantFrom("UNOBODY", "UBOT"), weight: 1 },
      { arbitrary: anyJson, weight: 1 },
    ),
    channel: fc.oneof({ arbitrary: fc.constant("C0GENERAL"), weight: 6 }, { arbitrary: anyJson, weight: 1 }),
    channel_type: fc.constantFrom("channel", "group", "im", "mpim"),
    subtype: fc.constantFrom("thread_broadcast", "bot_message", "message_changed", "file_share", null),
    thread_ts: fc.oneof(fc.constant("1700000000.000001"), anyJson),
    ts: fc.oneof({ arbitrary: fc.constant("new"), weight: 6 }, { arbitrary: anyJson, weight: 1 }),
  },
  { requiredKeys: ["type", "text", "user", "ts"] },
);

/** Signed bodies that are not the envelope Slack sends, in both of the encodings Slack uses. */
const malformedBody = fc.oneof(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        "null",
        "{",
        "[]",
        '"text"',
        "0",
        "true",
        '{"type":"event_callback"}',
        '{"event":null}',
      ),
      anyJson.map((value) => JSON.stringify(value)),
      fc
        .record({ type: anyJson, team_id: anyJson, event: anyJson, challenge: anyJson })
        .map((value) => JSON.stringify(value)),
      anyText,
    ),
    fc.constant("application/json"),
  ),
  fc.tuple(
    fc.oneof(
      fc.constantFrom("payload=null", "payload=%7B", "command=%2Fgive", "payload=%00", ""),
      fc
        .dictionary(fc.constantFrom("payload", "command", "text", "team_id", "user_id"), anyText)
        .map((fields) => new URLSearchParams(fields).toString()),
    ),
    fc.constant("application/x-www-form-urlencoded"),
  ),
);

describe("the Slack receiver under fuzzed requests", () => {
  it("answers every /give text without a server error or a false 'try again'", async () => {
    await fc.assert(
      fc.asyncProperty(giveText, async (text) => {
        await expectHandled(slashCommand({ text, userId: giverId, teamId }), `/give ${JSON.stringify(text)}`);
      }),
      {
        ...fuzzParameters(80),
        examples: [[`<@${memberIds[1]}> 5 thanks\u0000`], [`<@${memberIds[1]}> 5 #owner\u0000ship`]],
      },
    );
    const { db } = await database();
    await expectLedgerClean(db, org.id);
  });

  it("answers every message event without a server error or a false 'try again'", async () => {
    await fc.assert(
      fc.asyncProperty(messageEvent, async (event) => {
        const sent = {
          ...event,
          user: event.user === "giver" ? giverId : event.user,
          ts: event.ts === "new" ? newTs() : event.ts,
        };
        await expectHandled(eventCallback(sent, { teamId }), `event ${JSON.stringify(sent).slice(0, 300)}`);
      }),
      {
        ...fuzzParameters(80),
        // A user id that is not text was looked up as a person and answered "try again".
        examples: [[{ type: "message", text: `+5 <@${memberIds[1]}> thanks`, user: 0, ts: "new" }]],
      },
    );
    const { db } = await database();
    await expectLedgerClean(db, org.id);
  });

  it("answers signed bodies that are not what Slack sends without a server error", async () => {
    await fc.assert(
      fc.asyncProperty(malformedBody, async ([body, contentType]) => {
        await expectHandled(signedRequest(body, contentType), `${contentType} ${body.slice(0, 200)}`);
      }),
      { ...fuzzParameters(60), examples: [[["null", "application/json"]]] },
    );
    const { db } = await database();
    await expectLedgerClean(db, org.id);
  });
});
