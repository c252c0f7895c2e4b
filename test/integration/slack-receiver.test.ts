import { describe, expect, it, vi } from "vitest";
import { MAX_BODY_BYTES } from "../../slack/receiver";
import { signedRequest, slashCommand } from "../../testing/slack-requests";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";
import { oversizedBodies, readNoFurtherThan } from "../support/oversized-bodies";
import { slackRoute } from "../support/slack-route";
import { connectSlackWorkspace, linkSlackUser } from "../support/slack-workspace";

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

const database = workerDatabase();
const route = slackRoute({ SLACK_BOT_TOKEN: undefined });

const FIVE_MINUTES = 5 * 60;
const now = () => Math.floor(Date.now() / 1000);

describe("the Slack request URL", () => {
  it("refuses a bad signature, a stale timestamp and one from the future, with no effect", async () => {
    const { post, slack } = route();
    const cases = [
      slashCommand({ text: "help", userId: "U1" }, { secret: "not-the-secret" }),
      slashCommand({ text: "help", userId: "U1" }, { timestamp: now() - FIVE_MINUTES - 5 }),
      slashCommand({ text: "help", userId: "U1" }, { timestamp: now() + FIVE_MINUTES + 5 }),
    ];
    for (const request of cases) {
      const response = await post(request);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid_signature" });
    }
    const unsigned = new Request("http://localhost/api/slack/events", {
      method: "POST",
      body: "command=%2Fgive&text=help",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect((await post(unsigned)).status).toBe(401);
    await route().settle();
    expect(slack.calls).toEqual([]);
  });

  it("accepts a timestamp just inside five minutes either way", async () => {
    const { post } = route();
    for (const timestamp of [now() - FIVE_MINUTES + 5, now() + FIVE_MINUTES - 5]) {
      const response = await post(slashCommand({ text: "help", userId: "U1" }, { timestamp }));
      expect(response.status).toBe(200);
    }
  });

  it("answers Slack's URL verification with the challenge, and its SSL check with an empty 200", async () => {
    const { post } = route();
    const verification = await post(
      signedRequest(
        JSON.stringify({ type: "url_verification", challenge: "c-123", token: "x" }),
        "application/json",
      ),
    );
    expect(verification.status).toBe(200);
    expect(await verification.json()).toEqual({ challenge: "c-123" });

    const ssl = await post(signedRequest("ssl_check=1&token=x", "application/x-www-form-urlencoded"));
    expect(ssl.status).toBe(200);
    expect(await ssl.text()).toBe("");
  });

  it("acknowledges a slash command with the listener's reply", async () => {
    const { db } = await database();
    const teamId = await connectSlackWorkspace(db, await createTestOrg(db));
    const response = await route().post(slashCommand({ text: "help", userId: "U1", teamId }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("/give @");
  });
});

/** A request to the Slack route whose body never ends, and whether anything of it was read. */
function endlessRequest(headers: Record<string, string>): Request {
  const chunk = new TextEncoder().encode("command=%2Fgive&text=".padEnd(16 * 1024, "x"));
  const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
  return new Request("http://localhost/api/slack/events", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    duplex: "half",
  } as RequestInit);
}

/** The route's answer, or "no answer" when it takes longer than a second. */
async function answerWithinASecond(response: Promise<Response>): Promise<Response | "no answer"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"no answer">((resolve) => {
    timer = setTimeout(() => resolve("no answer"), 1_000);
  });
  try {
    return await Promise.race([response, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe("what the Slack request URL reads", () => {
  it("refuses an unsigned or stale request without reading its body: one that never ends gets a quick 401", async () => {
    const { post, slack } = route();
    const unsigned = endlessRequest({});
    const stale = endlessRequest({
      "x-slack-request-timestamp": String(now() - FIVE_MINUTES - 5),
      "x-slack-signature": "v0=00",
    });
    for (const request of [unsigned, stale]) {
      const response = await answerWithinASecond(post(request));
      if (response === "no answer") throw new Error("the route waited for a body that never ends");
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid_signature" });
      expect(request.bodyUsed).toBe(false);
    }
    await route().settle();
    expect(slack.calls).toEqual([]);
  });

  it("refuses a body over 256 KB with 413 for each way of sending one, reading no further", async () => {
    const { post, slack } = route();
    for (const oversized of oversizedBodies(MAX_BODY_BYTES)) {
      const { headers, ...body } = oversized.request();
      const request = new Request("http://localhost/api/slack/events", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(now()),
          "x-slack-signature": "v0=00",
          ...headers,
        },
        ...body,
      } as RequestInit);
      const response = await post(request);
      expect(response.status, oversized.name).toBe(413);
      expect(await response.json()).toEqual({ error: "body_too_large" });
      expect(oversized.pulled(), oversized.name).toBeLessThanOrEqual(readNoFurtherThan(MAX_BODY_BYTES));
    }
    await route().settle();
    expect(slack.calls).toEqual([]);
  });

  it("refuses a properly signed give over 256 KB with 413, and gives nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const teamId = await connectSlackWorkspace(db, org);
    const [giver, ana] = await org.addPeople(2);
    const giverId = await linkSlackUser(db, teamId, defined(giver).id);
    const anaId = await linkSlackUser(db, teamId, defined(ana).id);
    const text = `<@${anaId}|ana> 10 for ${"the launch ".repeat(MAX_BODY_BYTES / 10)}`;

    const response = await expectOrgUntouched(db, org.id, async () => {
      const answered = await route().post(slashCommand({ text, userId: giverId, teamId }));
      await route().settle();
      return answered;
    });

    expect(response.status).toBe(413);
    expect(route().slack.calls.filter((call) => call.token === `xoxb-${teamId}`)).toEqual([]);
  });

  it.each([
    ["null", "null", "application/json"],
    ["a list", "[]", "application/json"],
    ["a string", '"event_callback"', "application/json"],
    ["broken JSON", "{", "application/json"],
    ["a payload of null", "payload=null", "application/x-www-form-urlencoded"],
    ["a payload that is a list", "payload=%5B1%5D", "application/x-www-form-urlencoded"],
  ])("answers a signed body of %s with 400 invalid_body, and does nothing", async (_, body, contentType) => {
    const { post, slack } = route();
    const response = await post(signedRequest(body, contentType));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_body" });
    await route().settle();
    expect(slack.calls).toEqual([]);
  });
});
