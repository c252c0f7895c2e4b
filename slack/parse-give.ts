import { MAX_RECIPIENTS } from "../core/giving/give-points";
import { hasControlCharacter } from "../core/shared/validation";
import { normaliseValueName, VALUE_NAME_PATTERN } from "../core/values/value-names";

/**
 * Reads the text people type to give points in Slack: the `/give` slash command and `+N` channel
 * messages. Pure text in, plain result out; the listeners map Slack ids to people and call givePoints,
 * which applies the org's own rules (range, allowance, known values).
 *
 * Where the reason starts: recipients are the mentions before it. Everything from the first token that
 * is not a mention, the amount, a hashtag or filler punctuation belongs to the reason, mentions
 * included: "10 for helping @ana with the deploy" thanks nobody, because reading ana as the recipient
 * there would be a guess, and a wrong guess moves points to the wrong person.
 */

export interface ParsedGive {
  kind: "give";
  /** Slack user ids, unique, in the order they were mentioned. */
  recipients: string[];
  amount: number;
  /** As typed, minus the recipients, the amount and a leading "for", with whitespace collapsed. */
  reason: string;
  /** Normalised company value names, unique, in the order they appear. */
  values: string[];
}

export interface InvalidGive {
  kind: "invalid";
  /** One sentence for chat saying what to fix. */
  problem: string;
  hint?: string;
}

export type GiveCommand = ParsedGive | InvalidGive | { kind: "balance" } | { kind: "help" };
export type PlusMessage = ParsedGive | InvalidGive;

export const GIVE_USAGE = [
  "Thank a colleague with points:",
  "• `/give @ana 10 for the launch #ownership`",
  "• `/give @ana @ben +5 great demo`",
  "• `+10 @ana great demo` as a message in a channel with the app",
  "• `/give balance` shows what you have left to give and what you have earned",
].join("\n");

/** Mirrors the upper bound givePoints puts on an amount, so an absurd number is refused in chat. */
const MAX_AMOUNT = 1_000_000_000;

const ONE_BY_ONE = "Mention each person, e.g. @ana @ben.";
/** Nobody types a control character (a NUL byte, say); a message carrying one is refused, not stored. */
const UNREADABLE_CHARACTER: InvalidGive = {
  kind: "invalid",
  problem:
    "The text has a control character (such as a NUL byte) that a message can't hold; type it again without it.",
};
const HELP_WORDS = new Set(["", "help", "?"]);
const BALANCE_WORDS = new Set(["balance", "bal", "points", "me"]);

/** An entity Slack wraps in angle brackets (a literal `<` arrives as `&lt;`), or a run of other text. */
const PIECE = /(\s*)(<[^<>]*>|[^\s<]+|<)/g;
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;
const BROADCAST = /^<!(here|channel|everyone)(?:\|[^>]*)?>$/;
const GROUP = /^<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>$/;
const CHANNEL = /^<#[A-Z0-9]+(?:\|([^>]*))?>$/;
const OTHER_MARKUP = /^<[^<>]*>$/;
const HASHTAG = /^#([\p{L}\p{N}_-]+)/u;
const AMOUNT = /^([+\-−–]?)(\d[\d.,]*)(pts?|points?|p)?\p{P}*$/iu;
const WHOLE_NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;
const UNIT = /^(?:pts?|points?|p)\p{P}*$/iu;
const LEADING_FOR = /^for\p{P}*$/iu;
const SEPARATOR = /^(?:and|&amp;)$/i;
const PUNCTUATION = /^[\p{P}+]+$/u;
const UNLINKED_NAME = /^@[\p{L}\p{N}]/u;

type Piece = {
  raw: string;
  /** How the piece reads in the reason. */
  display: string;
  /** The company value it names, if any. */
  value?: string;
} & ({ kind: "mention"; userId: string } | { kind: "broadcast" | "group" | "entity" | "word" });

type Token = Piece & {
  /** Whitespace separated it from the token before. */
  spaced: boolean;
  /** Punctuation between the parts, or "and" joining mentions: carries nothing. */
  filler: boolean;
};

type Amount = { plus: boolean; hasUnit: boolean } & ({ points: number } | { problem: string });

interface Head {
  recipients: string[];
  amount?: Amount;
  /** Hashtags typed among the mentions and the amount; they still read as part of the reason. */
  values: Token[];
  reasonStart: number;
}

/** The text after `/give`, sent with `should_escape` so mentions arrive as `<@U123|ana>`. */
export function parseGiveCommand(text: string): GiveCommand {
  const keyword = text.trim().toLowerCase();
  if (HELP_WORDS.has(keyword)) return { kind: "help" };
  if (BALANCE_WORDS.has(keyword)) return { kind: "balance" };
  if (hasControlCharacter(text)) return UNREADABLE_CHARACTER;
  return readGive(tokenize(text));
}

/**
 * A channel message is a give only when it opens with `+N`, or with mentions followed by `+N`; a `+1`
 * later in a sentence is ordinary chatter and gets null.
 */
export function parsePlusMessage(text: string): PlusMessage | null {
  const tokens = tokenize(text);
  const opening = tokens.find((token) => !isMentionLike(token) && !token.filler);
  if (!opening || readAmount(opening)?.plus !== true) return null;
  if (hasControlCharacter(text)) return UNREADABLE_CHARACTER;
  return readGive(tokens);
}

function readGive(tokens: Token[]): ParsedGive | InvalidGive {
  const head = readHead(tokens);
  if ("problem" in head) return head;
  const recipients = unique(head.recipients);
  if (recipients.length === 0) {
    return unlinkedOpeningName(tokens) ?? invalid("Say who to thank: mention them with @.");
  }
  if (recipients.length > MAX_RECIPIENTS) {
    return invalid(`You can thank at most ${MAX_RECIPIENTS} people at once.`);
  }
  if (!head.amount) return invalid("Say how many points, e.g. 10.");
  if ("problem" in head.amount) return invalid(head.amount.problem);
  const said = withoutLeadingFor(tokens.slice(head.reasonStart));
  if (said.every((token) => token.value !== undefined)) return invalid("Add a reason, e.g. for the launch.");
  const headValues = head.values.map((token) => ({ ...token, spaced: true }));
  return {
    kind: "give",
    recipients,
    amount: head.amount.points,
    reason: render([...said, ...headValues]),
    values: unique(tokens.flatMap((token) => (token.value === undefined ? [] : [token.value]))),
  };
}

/** Walks the mentions, the amount and the hashtags that come before the reason. */
function readHead(tokens: Token[]): Head | InvalidGive {
  const head: Head = { recipients: [], values: [], reasonStart: tokens.length };
  let unitMayFollow = false;
  for (const [index, token] of tokens.entries()) {
    const isUnitOfAmount = unitMayFollow && token.kind === "word" && UNIT.test(token.raw);
    unitMayFollow = false;
    if (isUnitOfAmount || token.filler) continue;
    if (token.kind === "mention") {
      head.recipients.push(token.userId);
      continue;
    }
    if (token.kind === "broadcast") return invalid(`Mention people, not ${token.display}.`, ONE_BY_ONE);
    if (token.kind === "group") {
      return invalid("Mention people one by one; groups aren't supported yet.", ONE_BY_ONE);
    }
    if (token.kind === "word" && UNLINKED_NAME.test(token.raw)) return unlinkedName(token.raw);
    if (token.value !== undefined) {
      head.values.push(token);
      continue;
    }
    const amount = head.amount ? undefined : readAmount(token);
    if (amount) {
      head.amount = amount;
      unitMayFollow = !amount.hasUnit;
      continue;
    }
    head.reasonStart = index;
    break;
  }
  return head;
}

/** Typing a name without picking it from Slack's list leaves plain text, which names nobody. */
function unlinkedName(raw: string): InvalidGive {
  const name = raw.replace(/\p{P}+$/u, "");
  return invalid(
    `Mention people with @ so Slack links them - "${name}" alone isn't a person.`,
    "Type @ and pick the person from the list Slack shows.",
  );
}

/** "ana 10 for the launch": a bare word right before the amount is someone's name. */
function unlinkedOpeningName(tokens: Token[]): InvalidGive | undefined {
  const [first, second] = tokens;
  if (first?.kind !== "word" || !second || !readAmount(second)) return undefined;
  if (readAmount(first) || PUNCTUATION.test(first.raw) || LEADING_FOR.test(first.raw)) return undefined;
  return unlinkedName(first.raw);
}

function readAmount(token: Token): Amount | undefined {
  const match = token.kind === "word" ? AMOUNT.exec(token.raw) : null;
  if (!match) return undefined;
  const [, sign = "", number = "", unit] = match;
  const shape = { plus: sign === "+", hasUnit: unit !== undefined };
  const digits = number.replace(/[.,]+$/, "");
  if (sign !== "" && sign !== "+") return { ...shape, problem: "Points must be more than 0." };
  if (!WHOLE_NUMBER.test(digits)) return { ...shape, problem: "Points are whole numbers." };
  const points = Number(digits.replaceAll(",", ""));
  if (points === 0) return { ...shape, problem: "Points must be more than 0." };
  if (points > MAX_AMOUNT) return { ...shape, problem: "That is more points than anyone can give." };
  return { ...shape, points };
}

function isMentionLike(piece: Piece): boolean {
  return piece.kind === "word" ? UNLINKED_NAME.test(piece.raw) : piece.kind !== "entity";
}

function withoutLeadingFor(tokens: Token[]): Token[] {
  const isPunctuation = (token: Token) => token.kind === "word" && PUNCTUATION.test(token.raw);
  const start = tokens.findIndex((token) => !isPunctuation(token));
  if (start === -1) return [];
  const opening = tokens[start];
  if (opening?.kind !== "word" || !LEADING_FOR.test(opening.raw)) return tokens.slice(start);
  const afterFor = tokens.slice(start + 1);
  const rest = afterFor.findIndex((token) => !isPunctuation(token));
  return rest === -1 ? [] : afterFor.slice(rest);
}

function tokenize(text: string): Token[] {
  const tokens = Array.from(text.matchAll(PIECE), ([, space = "", raw = ""], index) => ({
    ...readPiece(raw),
    spaced: index > 0 && space !== "",
    filler: false,
  }));
  // From the end, so "and" knows whether a mention comes next (skipping commas and further "and"s).
  let mentionFollows = false;
  for (const token of tokens.toReversed()) {
    const punctuation = token.kind === "word" && PUNCTUATION.test(token.raw);
    const separator = token.kind === "word" && SEPARATOR.test(token.raw);
    token.filler = punctuation || (separator && mentionFollows);
    if (!punctuation && !separator) mentionFollows = isMentionLike(token);
  }
  return tokens;
}

function readPiece(raw: string): Piece {
  const mention = MENTION.exec(raw);
  if (mention) {
    const [, userId = "", name] = mention;
    // Without the name part, keep Slack's markup so Slack renders the mention when it shows the reason.
    return { kind: "mention", userId, raw, display: name ? `@${name}` : raw };
  }
  const broadcast = BROADCAST.exec(raw);
  // Plain text in the reason: echoing `<!here>` back into a channel would notify everyone in it.
  if (broadcast) return { kind: "broadcast", raw, display: `@${broadcast[1]}` };
  const group = GROUP.exec(raw);
  if (group) return { kind: "group", raw, display: group[1] || "@group" };
  const channel = CHANNEL.exec(raw);
  if (channel?.[1]) return { kind: "entity", raw, display: `#${channel[1]}`, value: valueName(raw) };
  // Links and other markup read as they came: Slack renders them when the reason is shown there.
  if (OTHER_MARKUP.test(raw)) return { kind: "entity", raw, display: raw };
  const hashtag = HASHTAG.exec(raw);
  return { kind: "word", raw, display: raw, value: hashtag ? valueName(hashtag[0]) : undefined };
}

/** "#1" and "#42" read as ranks and numbers, not values, although a value name may start with a digit. */
function valueName(hashtag: string): string | undefined {
  const name = normaliseValueName(hashtag);
  return VALUE_NAME_PATTERN.test(name) && !/^\d+$/.test(name) ? name : undefined;
}

function render(tokens: Token[]): string {
  return tokens.map((token, index) => (index > 0 && token.spaced ? " " : "") + token.display).join("");
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function invalid(problem: string, hint?: string): InvalidGive {
  return hint ? { kind: "invalid", problem, hint } : { kind: "invalid", problem };
}
