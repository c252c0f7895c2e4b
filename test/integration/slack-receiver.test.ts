import { describe, expect, it, vi } from "vitest";
import { signedRequest, slashCommand } from "../../testing/slack-requests";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";
import { slackRoute } from "../support/slack-route";
import { connectSlackWorkspace } from "../support/slack-workspace";

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

    const ssl = await post(
      new Request("http://localhost/api/slack/events", {
        method: "POST",
        body: "ssl_check=1&token=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
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
