import { describe, expect, it } from "vitest";
import { placeholdersFor } from "../../core/people/erasure/erased-identity";
import {
  mentionPatterns,
  type Redaction,
  redactMentions,
  redactRecord,
} from "../../core/people/erasure/redaction";

const ID = "3f9a2c11-0000-4000-8000-000000000001";

function redactionOf(
  name: string,
  extra: { slackUserId?: string; externalEmployeeId?: string } = {},
): Redaction {
  return {
    identity: {
      orgId: "00000000-0000-4000-8000-000000000000",
      personId: ID,
      name,
      email: "ana.souza@acme.example",
      externalEmployeeId: extra.externalEmployeeId ?? null,
      slackTeamId: extra.slackUserId ? "T1" : null,
      slackUserId: extra.slackUserId ?? null,
    },
    placeholders: placeholdersFor(ID),
  };
}

const ana = redactionOf("Ana Souza", { slackUserId: "U0ANA", externalEmployeeId: "E-42" });
const erased = "Erased person 3f9a2c";

describe("the placeholders of an erased person", () => {
  it("name them with a short stable tag and an address that can never receive mail", () => {
    expect(placeholdersFor(ID)).toEqual({ name: erased, email: `erased-${ID}@erased.invalid` });
  });
});

describe("mentions of an erased person in someone else's words", () => {
  it("replaces their full name in any case and spacing, their email and their Slack mentions", () => {
    expect(redactMentions("Thanks ana  SOUZA, <@U0ANA|ana>, <@U0ANA> and Ana.Souza@ACME.example!", ana)).toBe(
      `Thanks ${erased}, @${erased}, @${erased} and erased-${ID}@erased.invalid!`,
    );
  });

  it("leaves longer words that contain the name, other people's mentions, and one-word names alone", () => {
    expect(redactMentions("Ana Souzafield and <@U0ANABEL> shipped it", ana)).toBe(
      "Ana Souzafield and <@U0ANABEL> shipped it",
    );
    expect(redactMentions("Grace under pressure", redactionOf("Grace"))).toBe("Grace under pressure");
  });

  it("finds candidates with LIKE patterns in which wildcards typed in a name are literal", () => {
    expect(mentionPatterns(redactionOf("Ana 100%_Souza"))).toEqual([
      "%ana.souza@acme.example%",
      "%Ana%100\\%\\_Souza%",
    ]);
  });
});

describe("records that copy an erased person's details", () => {
  it("replaces whole values that identify them, at any depth, and their email inside any text", () => {
    const entry = {
      admin: { name: "Ana Souza", email: "ana.souza@acme.example" },
      installedBySlackUser: "U0ANA",
      ids: ["E-42", "E-420"],
      note: "Delivery to ana.souza@acme.example failed",
      roles: ["employee", "admin"],
      other: "Ana Souza Jr",
      count: 3,
      none: null,
    };
    expect(redactRecord(entry, ana, false)).toEqual({
      admin: { name: erased, email: `erased-${ID}@erased.invalid` },
      installedBySlackUser: "[erased]",
      ids: ["[erased]", "E-420"],
      note: `Delivery to erased-${ID}@erased.invalid failed`,
      roles: ["employee", "admin"],
      other: "Ana Souza Jr",
      count: 3,
      none: null,
    });
  });

  it("replaces every personal field of a record about them, whatever it holds, and keeps what was empty", () => {
    const update = {
      name: "Ana S.",
      birthday: "1990-05-17",
      hireDate: null,
      department: "Sales",
      reason: "x",
    };
    expect(redactRecord(update, ana, true)).toEqual({
      name: erased,
      birthday: "[erased]",
      hireDate: null,
      department: "Sales",
      reason: "[erased]",
    });
    // In a record about someone else, the same fields are theirs and stay.
    expect(redactRecord(update, ana, false)).toEqual(update);
  });
});
