import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RECIPIENTS } from "../../core/giving/give-points";
import {
  GIVE_USAGE,
  type GiveCommand,
  type InvalidGive,
  type ParsedGive,
  type PlusMessage,
  parseGiveCommand,
  parsePlusMessage,
} from "../../slack/parse-give";

const ANA = "<@U01ANA|ana>";
const BEN = "<@U02BEN|ben>";
const CY = "<@U03CY|cy>";

const give = (recipients: string[], amount: number, reason: string, values: string[] = []): ParsedGive => ({
  kind: "give",
  recipients,
  amount,
  reason,
  values,
});
const invalid = (problem: string): InvalidGive => ({ kind: "invalid", problem });

const WHO = "Say who to thank: mention them with @.";
const HOW_MANY = "Say how many points, e.g. 10.";
const WHOLE = "Points are whole numbers.";
const POSITIVE = "Points must be more than 0.";
const CONTROL_CHARACTER =
  "The text has a control character (such as a NUL byte) that a message can't hold; type it again without it.";
const TOO_MANY_POINTS = "That is more points than anyone can give.";
const REASON = "Add a reason, e.g. for the launch.";
const GROUPS = "Mention people one by one; groups aren't supported yet.";
const unlinked = (name: string): InvalidGive => ({
  kind: "invalid",
  problem: `Mention people with @ so Slack links them - "${name}" alone isn't a person.`,
  hint: "Type @ and pick the person from the list Slack shows.",
});

const mentions = (count: number) =>
  Array.from({ length: count }, (_, index) => `<@U${String(index).padStart(6, "0")}>`);

describe("parseGiveCommand", () => {
  const cases: [string, string, GiveCommand][] = [
    // Keywords
    ["empty text asks for help", "", { kind: "help" }],
    ["blank text asks for help", "  \n ", { kind: "help" }],
    ["help", "help", { kind: "help" }],
    ["help in capitals, padded", "  HELP ", { kind: "help" }],
    ["a question mark", " ? ", { kind: "help" }],
    ["balance", "balance", { kind: "balance" }],
    ["bal in capitals", "BAL", { kind: "balance" }],
    ["points, padded", "  points\n", { kind: "balance" }],
    ["me", "Me", { kind: "balance" }],
    ["a NUL byte", "<@U01ANA> 10 for the\u0000launch", invalid(CONTROL_CHARACTER)],
    ["a tab and line breaks", "<@U01ANA>\t10 for the\r\nlaunch", give(["U01ANA"], 10, "the launch")],

    // The forms people type
    [
      "mentions, amount, for-reason and a value",
      `${ANA} ${BEN} 10 for the launch #ownership`,
      give(["U01ANA", "U02BEN"], 10, "the launch #ownership", ["ownership"]),
    ],
    ["amount first", `10 ${ANA} for the launch`, give(["U01ANA"], 10, "the launch")],
    ["+amount first", `+10 ${ANA} ${BEN} great demo`, give(["U01ANA", "U02BEN"], 10, "great demo")],
    ["+amount after the mention", `${ANA} +10 thanks!`, give(["U01ANA"], 10, "thanks!")],
    ["pts attached", `${ANA} 10pts for the launch`, give(["U01ANA"], 10, "the launch")],
    ["points as a word", `${ANA} 10 points for the launch`, give(["U01ANA"], 10, "the launch")],
    ["pts as a word, no for", `${ANA} 10 pts great launch`, give(["U01ANA"], 10, "great launch")],
    ["p and pt attached", `${ANA} +7p for x and ${BEN} 8pt`, give(["U01ANA"], 7, `x and @ben 8pt`)],
    [
      "a list with commas and 'and'",
      `${ANA}, ${BEN} and ${CY} 5 for the demo`,
      give(["U01ANA", "U02BEN", "U03CY"], 5, "the demo"),
    ],
    [
      "an escaped ampersand joins mentions",
      `${ANA} &amp; ${BEN} 5 demo`,
      give(["U01ANA", "U02BEN"], 5, "demo"),
    ],
    ["a mention without its name part", "<@U01ANA> 10 for the launch", give(["U01ANA"], 10, "the launch")],
    ["an enterprise user id", "<@W0123ABC|ana> 3 ok", give(["W0123ABC"], 3, "ok")],
    ["for: with a colon", `${ANA} 10 for: the launch`, give(["U01ANA"], 10, "the launch")],
    ["a dash before the reason", `${ANA} 10 - great demo`, give(["U01ANA"], 10, "great demo")],
    ["a colon after the amount", `${ANA} 10: for the launch`, give(["U01ANA"], 10, "the launch")],
    ["For and a dash", `${ANA}: 10 For - the launch`, give(["U01ANA"], 10, "the launch")],
    ["a comma after the amount", `${ANA} 10, great demo`, give(["U01ANA"], 10, "great demo")],
    ["no space before the amount", `${ANA}+10 great`, give(["U01ANA"], 10, "great")],
    [
      "'for' inside the reason stays",
      `${ANA} 5 thanks for the help`,
      give(["U01ANA"], 5, "thanks for the help"),
    ],
    [
      "'and' that starts the reason stays",
      `${ANA} 10 and thanks for everything`,
      give(["U01ANA"], 10, "and thanks for everything"),
    ],
    ["a number in the reason", `${ANA} 10 for the 2 demos`, give(["U01ANA"], 10, "the 2 demos")],
    ["a second amount is reason text", `${ANA} 10 20`, give(["U01ANA"], 10, "20")],
    ["thousands with commas", `1,000 ${ANA} for the launch`, give(["U01ANA"], 1000, "the launch")],
    [
      "a very large amount",
      `${ANA} 1000000000 for the launch`,
      give(["U01ANA"], 1_000_000_000, "the launch"),
    ],
    ["leading zeros", `${ANA} 007 for the launch`, give(["U01ANA"], 7, "the launch")],
    [
      "emoji codes in the reason",
      `${ANA} 10 :tada: great launch`,
      give(["U01ANA"], 10, ":tada: great launch"),
    ],

    // Values
    [
      "a channel-style value, shown as a hashtag",
      `${ANA} 10 great demo <#C0123|ownership>`,
      give(["U01ANA"], 10, "great demo #ownership", ["ownership"]),
    ],
    [
      "both value forms",
      `${ANA} 10 for the launch #Ownership <#C0123|teamwork>`,
      give(["U01ANA"], 10, "the launch #Ownership #teamwork", ["ownership", "teamwork"]),
    ],
    [
      "uppercase values are normalised; the reason keeps them as typed",
      `${ANA} 10 for the launch #OWNERSHIP, #TeamWork!`,
      give(["U01ANA"], 10, "the launch #OWNERSHIP, #TeamWork!", ["ownership", "teamwork"]),
    ],
    [
      "a value typed before the amount reads after the reason",
      `${ANA} #ownership 10 for the launch`,
      give(["U01ANA"], 10, "the launch #ownership", ["ownership"]),
    ],
    [
      "a value in the middle of the reason",
      `${ANA} 10 for #teamwork on the launch`,
      give(["U01ANA"], 10, "#teamwork on the launch", ["teamwork"]),
    ],
    ["#1 is a rank, not a value", `${ANA} 10 for being #1 on call`, give(["U01ANA"], 10, "being #1 on call")],
    [
      "a hashtag no value can be named stays text",
      `${ANA} 10 pour #léquipe`,
      give(["U01ANA"], 10, "pour #léquipe"),
    ],
    [
      "a # inside a link is not a value",
      `${ANA} 10 for <https://example.com/#launch|the launch page> #ownership`,
      give(["U01ANA"], 10, "<https://example.com/#launch|the launch page> #ownership", ["ownership"]),
    ],
    ["a channel without its name stays markup", `${ANA} 10 in <#C0123>`, give(["U01ANA"], 10, "in <#C0123>")],

    // Duplicates, unicode, whitespace
    [
      "duplicate recipients and values collapse, in order",
      `${ANA} <@U01ANA> ${BEN} ${ANA} 10 for x #ownership #Ownership <#C0123|ownership> #care`,
      give(["U01ANA", "U02BEN"], 10, "x #ownership #Ownership #ownership #care", ["ownership", "care"]),
    ],
    [
      "unicode names and reason",
      "<@U01JOSE|josé> <@U02LI|李雷> 10 pour le lancement 🚀 — merci ! #ownership",
      give(["U01JOSE", "U02LI"], 10, "pour le lancement 🚀 — merci ! #ownership", ["ownership"]),
    ],
    [
      "extra whitespace and newlines collapse",
      `  ${ANA}\n\n  10   for   the\tlaunch \n and\u00a0the demo \n`,
      give(["U01ANA"], 10, "the launch and the demo"),
    ],

    // Mentions once the reason has started are part of it
    [
      "a later mention with a name reads as @name",
      `${ANA} 10 for helping ${BEN} with the deploy`,
      give(["U01ANA"], 10, "helping @ben with the deploy"),
    ],
    [
      "a later mention without a name keeps Slack's markup",
      `${ANA} 10 thanks to <@U02BEN>'s review`,
      give(["U01ANA"], 10, "thanks to <@U02BEN>'s review"),
    ],
    [
      "@here in the reason is plain text",
      `${ANA} 10 for the launch <!here>`,
      give(["U01ANA"], 10, "the launch @here"),
    ],
    [
      "a group in the reason reads as its handle",
      `${ANA} 10 for helping <!subteam^S0123|@platform>`,
      give(["U01ANA"], 10, "helping @platform"),
    ],

    // Refusals
    ["no mention", "10 for the launch", invalid(WHO)],
    ["the only mention is inside the reason", `10 for helping ${ANA} with the deploy`, invalid(WHO)],
    ["only a link", "<https://example.com|the page> 10", invalid(WHO)],
    ["a bare name before the amount", "ana 10 for the launch", unlinked("ana")],
    ["a bare name with a colon", "ana: 10 for the launch", unlinked("ana")],
    ["an @name Slack did not link", "@ana 10 for the launch", unlinked("@ana")],
    ["an unlinked name beside a real mention", `${ANA} @ben, 10 for the launch`, unlinked("@ben")],
    ["no amount", `${ANA} for the launch`, invalid(HOW_MANY)],
    ["just a mention", ANA, invalid(HOW_MANY)],
    ["the amount after the reason", `${ANA} great demo 10`, invalid(HOW_MANY)],
    ["a decimal amount", `${ANA} 2.5 for the launch`, invalid(WHOLE)],
    ["a decimal with pts", `${ANA} 10.0pts for the launch`, invalid(WHOLE)],
    ["a decimal comma", `${ANA} 2,5 for the launch`, invalid(WHOLE)],
    ["a negative amount", `${ANA} -5 for the launch`, invalid(POSITIVE)],
    ["a negative decimal", `${ANA} -0.5 for the launch`, invalid(POSITIVE)],
    ["zero", `${ANA} 0 for the launch`, invalid(POSITIVE)],
    ["plus zero", `+0 ${ANA} for the launch`, invalid(POSITIVE)],
    ["over a billion", `${ANA} 1000000001 for the launch`, invalid(TOO_MANY_POINTS)],
    ["a number beyond safe integers", `${ANA} 99999999999999999999999 for x`, invalid(TOO_MANY_POINTS)],
    ["no reason", `${ANA} 10`, invalid(REASON)],
    ["only 'for'", `${ANA} 10 for`, invalid(REASON)],
    ["only punctuation after the unit", `${ANA} 10 pts - `, invalid(REASON)],
    ["only values", `${ANA} 10 for #ownership <#C0123|teamwork>`, invalid(REASON)],
    ["only a value before the amount", `${ANA} #ownership 10`, invalid(REASON)],
  ];

  it.each(cases)("%s", (_name, text, expected) => {
    expect(parseGiveCommand(text)).toEqual(expected);
  });

  it.each([
    ["@here", `<!here> 10 for the launch`, "Mention people, not @here."],
    ["@channel after a person", `${ANA} <!channel> 10 for the launch`, "Mention people, not @channel."],
    ["@everyone with a label", `<!everyone|everyone> 10 for x`, "Mention people, not @everyone."],
    ["a user group", `<!subteam^S0123|@team> 10 for the launch`, GROUPS],
    ["a user group among people", `${ANA} and <!subteam^S0123|@team> 10 for x`, GROUPS],
  ])("refuses %s as a recipient and says to mention people one by one", (_name, text, problem) => {
    expect(parseGiveCommand(text)).toEqual({
      kind: "invalid",
      problem,
      hint: "Mention each person, e.g. @ana @ben.",
    });
  });

  it(`accepts ${MAX_RECIPIENTS} recipients and refuses one more`, () => {
    const most = mentions(MAX_RECIPIENTS);
    expect(parseGiveCommand(`${most.join(" ")} 1 for the offsite`)).toMatchObject({
      kind: "give",
      recipients: most.map((mention) => mention.slice(2, -1)),
    });
    expect(parseGiveCommand(`${mentions(MAX_RECIPIENTS + 1).join(" ")} 1 for the offsite`)).toEqual(
      invalid(`You can thank at most ${MAX_RECIPIENTS} people at once.`),
    );
    expect(parseGiveCommand(`${[...most, most[0]].join(" ")} 1 for the offsite`)).toMatchObject({
      kind: "give",
    });
  });

  // An exponential reading of this input never returns; the test's own timeout catches that.
  it("reads a long run of 'and' between mentions", () => {
    const result = parseGiveCommand(`${ANA} ${"and ".repeat(20_000)}${BEN} 10 for x`);
    expect(result).toEqual(give(["U01ANA", "U02BEN"], 10, "x"));
  });
});

describe("parsePlusMessage", () => {
  const cases: [string, string, PlusMessage | null][] = [
    [
      "+N first, with a value",
      "+10 <@U01ANA> great demo #teamwork",
      give(["U01ANA"], 10, "great demo #teamwork", ["teamwork"]),
    ],
    ["a mention, then +N", "<@U01ANA> +10 thanks for the demo", give(["U01ANA"], 10, "thanks for the demo")],
    [
      "mentions, then +N",
      "<@U01ANA> <@U02BEN> +5 for the launch",
      give(["U01ANA", "U02BEN"], 5, "the launch"),
    ],
    ["+Npts", "+10pts <@U01ANA> for the launch", give(["U01ANA"], 10, "the launch")],
    ["a colon after the mention", "<@U01ANA>: +10 nice one", give(["U01ANA"], 10, "nice one")],
    [
      "a later mention stays in the reason",
      "+10 <@U01ANA> for helping <@U02BEN> ship",
      give(["U01ANA"], 10, "helping <@U02BEN> ship"),
    ],
    ["+N without anyone to thank", "+10 great idea", invalid(WHO)],
    ["+1 alone", "+1", invalid(WHO)],
    ["a decimal +N", "+2.5 <@U01ANA> demo", invalid(WHOLE)],
    ["+0", "<@U01ANA> +0 demo", invalid(POSITIVE)],
    ["no reason", "<@U01ANA> +10", invalid(REASON)],
    ["an unlinked name", "+10 @ana great demo", unlinked("@ana")],
    ["+1 inside a sentence", "I'd +1 that idea <@U01ANA>", null],
    ["+N after words", "thanks <@U01ANA> +10", null],
    ["an amount without +", "<@U01ANA> 10 for the launch", null],
    ["an amount without + first", "10 <@U01ANA> for the launch", null],
    ["a hashtag first", "#teamwork +10 <@U01ANA> x", null],
    ["a plus that is not a number", "+1.5x faster builds <@U01ANA>", null],
    ["ordinary chatter", "hello there, lunch at 12?", null],
    ["an empty message", "", null],
    ["a NUL byte in a give", "+10 <@U01ANA> great\u0000demo", invalid(CONTROL_CHARACTER)],
    ["a NUL byte in chatter", "lunch\u0000 at 12?", null],
    [
      "a give over several lines",
      "+10 <@U01ANA> great demo\nand docs",
      give(["U01ANA"], 10, "great demo and docs"),
    ],
  ];

  it.each(cases)("%s", (_name, text, expected) => {
    expect(parsePlusMessage(text)).toEqual(expected);
  });

  it("refuses @here before +N with a reason to mention people", () => {
    expect(parsePlusMessage("<!here> +10 for the launch")).toMatchObject(
      invalid("Mention people, not @here."),
    );
  });
});

describe("round trip", () => {
  const userId = fc.stringMatching(/^U[A-Z0-9]{8,10}$/);
  const userIds = fc.uniqueArray(userId, { minLength: 1, maxLength: 5 });
  const recipient = fc.record({
    id: userId,
    name: fc.option(fc.stringMatching(/^[a-zé李][a-z0-9._-]{0,10}$/), { nil: undefined }),
  });
  const word = fc
    .oneof(fc.stringMatching(/^[a-zäéñø]{1,8}$/), fc.stringMatching(/^\d{1,3}$/))
    .filter((candidate) => !/^(?:for|and|pts?|points?|p)$/.test(candidate));
  const value = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/),
    shout: fc.boolean(),
    asChannel: fc.boolean(),
  });
  const parts = fc.record({
    recipients: fc.uniqueArray(recipient, { minLength: 1, maxLength: 5, selector: (picked) => picked.id }),
    amount: fc.integer({ min: 1, max: 1000 }),
    plus: fc.boolean(),
    unit: fc.constantFrom("", "pts", " pts", " points", "p"),
    withFor: fc.boolean(),
    words: fc.array(word, { minLength: 1, maxLength: 6 }),
    values: fc.uniqueArray(value, { maxLength: 3, selector: (picked) => picked.name }),
  });

  it("reads back any formatted command, amount first or mentions first", () => {
    fc.assert(
      fc.property(parts, fc.boolean(), (given, amountFirst) => {
        const mentionText = given.recipients.map(({ id, name }) => (name ? `<@${id}|${name}>` : `<@${id}>`));
        const typedValues = given.values.map(({ name, shout, asChannel }) =>
          asChannel ? `<#C0123|${name}>` : `#${shout ? name.toUpperCase() : name}`,
        );
        const shownValues = given.values.map(({ name, shout, asChannel }) =>
          asChannel || !shout ? `#${name}` : `#${name.toUpperCase()}`,
        );
        const amount = `${given.plus ? "+" : ""}${given.amount}${given.unit}`;
        const reason = [given.withFor ? "for" : "", ...given.words, ...typedValues].filter(Boolean).join(" ");
        const opening = amountFirst ? [amount, ...mentionText] : [...mentionText, amount];
        expect(parseGiveCommand(`${opening.join(" ")} ${reason}`)).toEqual(
          give(
            given.recipients.map(({ id }) => id),
            given.amount,
            [...given.words, ...shownValues].join(" "),
            given.values.map(({ name }) => name),
          ),
        );
      }),
    );
  });

  it("reads back any +N message, +N first or mentions first", () => {
    fc.assert(
      fc.property(
        userIds,
        fc.integer({ min: 1, max: 1000 }),
        fc.array(word, { minLength: 1 }),
        (ids, n, words) => {
          const mentionText = ids.map((id) => `<@${id}>`).join(" ");
          const expected = give(ids, n, words.join(" "));
          expect(parsePlusMessage(`+${n} ${mentionText} ${words.join(" ")}`)).toEqual(expected);
          expect(parsePlusMessage(`${mentionText} +${n} ${words.join(" ")}`)).toEqual(expected);
        },
      ),
    );
  });
});

describe("GIVE_USAGE", () => {
  it("shows the examples a person can copy", () => {
    expect(GIVE_USAGE).toContain("/give @ana 10 for the launch #ownership");
    expect(GIVE_USAGE).toContain("/give @ana @ben +5 great demo");
    expect(GIVE_USAGE).toContain("/give balance");
  });
});
