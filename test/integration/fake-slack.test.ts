import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../../testing/fake-slack";

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());

function call(method: string, body: string, contentType = "application/x-www-form-urlencoded") {
  return fetch(`${slack.url}${method}`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: "Bearer xoxb-fake" },
    body,
  }).then((response) => response.json());
}

describe("the fake Slack Web API", () => {
  it("answers arguments it can't read as Slack does, and keeps serving", async () => {
    expect(await call("chat.postMessage", "channel=C1&blocks=%5Boops")).toEqual({
      ok: false,
      error: "invalid_arguments",
    });
    expect(await call("chat.postMessage", "{not json", "application/json")).toEqual({
      ok: false,
      error: "invalid_arguments",
    });
    expect(await call("chat.postMessage", "channel=C1&text=hi")).toMatchObject({ ok: true, channel: "C1" });
  });

  it("keeps one reaction of the bot per emoji and message, as Slack does", async () => {
    const heart = "channel=C1&timestamp=1.000001&name=heart";
    expect(await call("reactions.add", heart)).toEqual({ ok: true });
    expect(await call("reactions.add", heart)).toEqual({ ok: false, error: "already_reacted" });
    expect(slack.botReactionsOn("C1", "1.000001")).toEqual(["heart"]);
    expect(await call("reactions.remove", heart)).toEqual({ ok: true });
    expect(await call("reactions.remove", heart)).toEqual({ ok: false, error: "no_reaction" });
    expect(slack.botReactionsOn("C1", "1.000001")).toEqual([]);
  });
});
