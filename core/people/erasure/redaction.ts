import { ERASED_TEXT, type ErasedIdentity, type Placeholders } from "./erased-identity";

/** Who is being erased and what they are called from now on. */
export interface Redaction {
  identity: ErasedIdentity;
  placeholders: Placeholders;
}

/**
 * Fields whose value is the person's own in a record about them (an audit entry of their edit, of a
 * spot award they received, of a decision on their redemption; a notice about their redemption),
 * whatever the value says: what replaces it.
 */
const PERSONAL_FIELDS: Record<string, "name" | "email" | "text"> = {
  name: "name",
  requester: "name",
  email: "email",
  recipientEmail: "email",
  externalEmployeeId: "text",
  slackUserId: "text",
  birthday: "text",
  hireDate: "text",
  message: "text",
  reason: "text",
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `%`, `_` and the escape character itself are literal in the LIKE patterns made here. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

const words = (name: string) => name.trim().split(/\s+/).filter(Boolean);

function replaceEmail(text: string, { identity, placeholders }: Redaction): string {
  return text.replace(new RegExp(escapeRegExp(identity.email), "gi"), placeholders.email);
}

/**
 * A string that is one of the person's identifiers, replaced whole: their name, an id of theirs. Their
 * email is replaced wherever it appears, being unmistakable; a name only when it is the whole value,
 * since a short name ("Al", "Admin") also occurs inside other words and values.
 */
function redactString(text: string, redaction: Redaction): string {
  const { identity, placeholders } = redaction;
  if (text === identity.name) return placeholders.name;
  if (text === identity.externalEmployeeId || text === identity.slackUserId) return ERASED_TEXT;
  return replaceEmail(text, redaction);
}

function replacementFor(kind: "name" | "email" | "text", { placeholders }: Redaction): string {
  if (kind === "name") return placeholders.name;
  if (kind === "email") return placeholders.email;
  return ERASED_TEXT;
}

/**
 * A copy of a JSON record (an audit entry's before or after, a notice's payload) with the person's
 * identifiers replaced at any depth. When the record is about them, every personal field is replaced
 * too, whatever it holds. Empty values stay empty: "there was none" remains true.
 */
export function redactRecord(value: unknown, redaction: Redaction, aboutThem: boolean): unknown {
  if (typeof value === "string") return redactString(value, redaction);
  if (Array.isArray(value)) return value.map((item) => redactRecord(item, redaction, aboutThem));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([field, item]) => {
      const personal = aboutThem ? PERSONAL_FIELDS[field] : undefined;
      if (personal && item !== null && item !== undefined)
        return [field, replacementFor(personal, redaction)];
      return [field, redactRecord(item, redaction, aboutThem)];
    }),
  );
}

/**
 * Free text someone else wrote (a recognition of a colleague), with every mention of the person
 * replaced: a Slack mention of their user, their email, and their full name in any case. A one-word
 * name is left alone: it can't be told apart from the same word meaning something else.
 */
export function redactMentions(text: string, redaction: Redaction): string {
  const { identity, placeholders } = redaction;
  let redacted = text;
  if (identity.slackUserId) {
    const mention = new RegExp(`<@${escapeRegExp(identity.slackUserId)}(?:\\|[^>]*)?>`, "g");
    redacted = redacted.replace(mention, `@${placeholders.name}`);
  }
  redacted = replaceEmail(redacted, redaction);
  const nameWords = words(identity.name);
  if (nameWords.length >= 2) {
    const name = nameWords.map(escapeRegExp).join("\\s+");
    redacted = redacted.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, "giu"),
      placeholders.name,
    );
  }
  return redacted;
}

/**
 * ILIKE patterns that every text redactMentions would change matches (and some it wouldn't, which it
 * then leaves as they are): for the database to find the few candidates among an org's messages.
 */
export function mentionPatterns({ identity }: Redaction): string[] {
  const patterns = [`%${escapeLike(identity.email)}%`];
  if (identity.slackUserId) patterns.push(`%<@${escapeLike(identity.slackUserId)}%`);
  const nameWords = words(identity.name);
  if (nameWords.length >= 2) patterns.push(`%${nameWords.map(escapeLike).join("%")}%`);
  return patterns;
}

/** The values redactString replaces whole, for the database to find the records that hold one. */
export function identifyingValues({ identity }: Redaction): string[] {
  return [identity.name, identity.externalEmployeeId, identity.slackUserId].filter(
    (value): value is string => value !== null && value !== "",
  );
}

/** An ILIKE pattern for JSON text holding the person's email anywhere. */
export function emailPattern({ identity }: Redaction): string {
  return `%${escapeLike(identity.email)}%`;
}
