import { describe, expect, it } from "vitest";
import { OUTAGE_MESSAGE } from "../../app/_lib/outage-message";
import { GET } from "../../app/unavailable/route";
import { isOutage, OUTAGE_TEXT, outageResponse } from "../../slack/outage-reply";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

async function outagePage(
  from: string,
): Promise<{ status: number; retryAfter: string | null; back: string }> {
  const response = GET(new Request(`http://localhost/unavailable?from=${encodeURIComponent(from)}`));
  const html = await response.text();
  expect(html).toContain(OUTAGE_MESSAGE.replace(/'/g, "&#39;"));
  const back = /<a href="([^"]*)">Try again<\/a>/.exec(html)?.[1] ?? "";
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    back: back.replace(/&amp;/g, "&"),
  };
}

describe("the outage page", () => {
  it("answers 503 with Retry-After and a way back to the page the browser was on", async () => {
    expect(await outagePage("/team?scope=all")).toEqual({
      status: 503,
      retryAfter: "10",
      back: "/team?scope=all",
    });
  });

  it("offers a way back only to a path of this site", async () => {
    for (const from of [
      "//evil.example/phish",
      "/\\evil.example/phish",
      "/\t/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "team",
    ]) {
      expect((await outagePage(from)).back, from).toBe("/");
    }
  });
});

describe("Slack during an outage", () => {
  it("answers a slash command in words, as Slack never sends it again", async () => {
    const response = outageResponse({ command: "/give", text: "@ana 10 thanks" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_type: "ephemeral", text: OUTAGE_TEXT });
  });

  it("answers an event or an interaction 503, so that Slack delivers the event again later", async () => {
    for (const body of [
      { type: "event_callback", event: { type: "message" } },
      { type: "view_submission" },
    ]) {
      const response = outageResponse(body);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
    }
  });

  it("is told through Bolt's wrapper of a failed authorize too", () => {
    expect(isOutage(refused)).toBe(true);
    expect(
      isOutage(
        Object.assign(new Error("Authorization of incoming event did not succeed."), { original: refused }),
      ),
    ).toBe(true);
    expect(isOutage(new Error("No Plaudit organization matches this Slack workspace."))).toBe(false);
  });
});
