import { describe, expect, it } from "vitest";
import { escapeMrkdwn, mentionedUsers, readMrkdwn } from "../../slack/blocks/mrkdwn";

const names = new Map([["U1", "Ana Lima"]]);

describe("readMrkdwn", () => {
  it.each([
    ["thanks <@U1>", "thanks @Ana Lima"],
    ["thanks <@U1|ana>", "thanks @Ana Lima"],
    ["thanks <@U2|bruno>", "thanks @bruno"],
    ["thanks <@U3>", "thanks @someone"],
    ["in <#C1|launch>", "in #launch"],
    ["in <#C1>", "in #C1"],
    ["<!here> look", "@here look"],
    ["ping <!subteam^S1|@design>", "ping @design"],
    ["on <!date^1700000000^{date_short}|Nov 14>", "on Nov 14"],
    ["see <https://example.com>", "see https://example.com"],
    ["see <https://example.com|example.com>", "see example.com"],
    ["see <https://example.com/a|the notes>", "see the notes (https://example.com/a)"],
    ["mail <mailto:a@b.test|a@b.test>", "mail a@b.test"],
    ["1 &lt; 2 &amp;&amp; 3 &gt; 2", "1 < 2 && 3 > 2"],
    ["&amp;lt; stays text", "&lt; stays text"],
  ])("reads %j as %j", (text, shown) => {
    expect(readMrkdwn(text, names)).toBe(shown);
  });

  it("undoes escapeMrkdwn", () => {
    const typed = "a <b> & <@U1> &amp;";
    expect(readMrkdwn(escapeMrkdwn(typed), names)).toBe(typed);
  });
});

describe("mentionedUsers", () => {
  it("lists the users a message mentions, not channels or links", () => {
    expect(mentionedUsers("<@U1> and <@U2|bo> in <#C1|x> <https://x.test> <!here>")).toEqual(["U1", "U2"]);
  });
});
