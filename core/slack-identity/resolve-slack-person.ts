import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { recordAudit } from "../org/audit";
import { createPerson } from "../people/create-person";
import type { Actor, Role } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { isDomainError, sqlState } from "../shared/errors";
import { parseInput } from "../shared/validation";
import {
  type DescribeSlackUser,
  type NormalisedProfile,
  type SlackWorkspaceRef,
  slackProfile,
  slackUserId,
} from "./slack-profile";

export interface SlackUserLookup {
  /** The Slack user a request came from (or mentions). */
  userId: string;
  describeUser: DescribeSlackUser;
}

export type SlackRefusal = "no_email" | "not_in_org" | "deactivated" | "bot" | "not_in_slack";

export type SlackPersonResult =
  | {
      status: "linked";
      actor: Actor & { kind: "person" };
      person: { id: string; name: string };
      /** This request tied the Slack user to the person: by their email, or by adding them. */
      newlyLinked: boolean;
      /** This request added the person to the org. */
      provisioned: boolean;
    }
  /** `message` is written to the Slack user, to be shown as it is. */
  | { status: "unknown"; reason: SlackRefusal; message: string };

const PERSON_COLUMNS = {
  id: people.id,
  name: people.name,
  roles: people.roles,
  active: people.active,
  isBot: people.isBot,
  slackTeamId: people.slackTeamId,
  slackUserId: people.slackUserId,
};

interface PersonRow {
  id: string;
  name: string;
  roles: Role[];
  active: boolean;
  isBot: boolean;
}

const BOT_MESSAGE = "Bots can't give or receive points in Plaudit.";

/** Another request for the same Slack user linked or added the person first. */
class LostRace extends Error {}

/** A lost race is settled by reading again, which finds the winner: three reads are more than enough. */
const ATTEMPTS = 3;

/**
 * Which person of the workspace's org a Slack user is. The user's stored Slack id decides, in one query
 * and without asking Slack; failing that, Slack is asked about the user once, and their Slack email links
 * them to the person with that email; failing that, an org that allows it adds them. Only people of the
 * workspace's org are ever considered. Bots and users Slack has deactivated are never linked or added.
 */
export async function resolveSlackPerson(
  db: Executor,
  workspace: SlackWorkspaceRef,
  lookup: SlackUserLookup,
  clock: Clock = systemClock,
): Promise<SlackPersonResult> {
  const userId = parseInput(slackUserId, lookup.userId);
  // Asked at most once, however many rounds a lost race below takes.
  let profile: Promise<NormalisedProfile> | undefined;
  const askSlack = () => {
    profile ??= lookup.describeUser(userId).then((answer) => parseInput(slackProfile, answer));
    return profile;
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await resolveOnce(db, workspace, userId, askSlack, clock);
    } catch (error) {
      // A unique violation (create-person reports its own as a conflict) is a lost race too.
      const lost =
        error instanceof LostRace || sqlState(error) === "23505" || isDomainError(error, "conflict");
      if (!lost || attempt === ATTEMPTS) throw error;
    }
  }
}

async function resolveOnce(
  db: Executor,
  workspace: SlackWorkspaceRef,
  userId: string,
  askSlack: () => Promise<NormalisedProfile>,
  clock: Clock,
): Promise<SlackPersonResult> {
  const { orgId, teamId } = workspace;
  // The hot path of every Slack give: one lookup on the people_slack_user_unique index.
  const [known] = await db
    .select(PERSON_COLUMNS)
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.slackTeamId, teamId), eq(people.slackUserId, userId)));
  if (known) return answer(orgId, known, { newlyLinked: false, provisioned: false });

  const profile = await askSlack();
  if (profile === null) {
    return unknown("not_in_slack", "Slack doesn't know this account, so Plaudit can't tell who it is.");
  }
  const { email, name, isBot, deleted } = profile;
  if (isBot) return unknown("bot", BOT_MESSAGE);
  if (deleted) return unknown("deactivated", "This Slack account has been deactivated.");
  if (!email) {
    return unknown(
      "no_email",
      "Plaudit can't see the email address of your Slack account, so it can't tell who you are. Ask an admin to add you to Plaudit.",
    );
  }
  const [org] = await db
    .select({ autoProvision: organizations.slackAutoProvision, person: PERSON_COLUMNS })
    .from(organizations)
    .leftJoin(people, and(eq(people.orgId, organizations.id), eq(people.email, email)))
    .where(eq(organizations.id, orgId));

  const match = org?.person;
  if (match) {
    const refusal = refusalFor(match);
    if (refusal) return refusal;
    if (match.slackUserId !== null || match.slackTeamId !== null) {
      // Linked to this very user by a request that finished after the first lookup: read it from there.
      if (match.slackTeamId === teamId && match.slackUserId === userId) throw new LostRace();
      return unknown(
        "not_in_org",
        `Your email (${email}) is already linked to another Slack account in Plaudit. Ask an admin to sort it out.`,
      );
    }
    await db.transaction((tx) => linkSlackUser(tx, workspace, match.id, userId));
    return answer(orgId, match, { newlyLinked: true, provisioned: false });
  }

  if (org?.autoProvision && name) {
    const added = await provision(db, workspace, { userId, email, name }, clock);
    if (added) return answer(orgId, added, { newlyLinked: true, provisioned: true });
  }
  return unknown(
    "not_in_org",
    `You're not in Plaudit yet. Ask an admin to add you with the email you use in Slack (${email}).`,
  );
}

/** Adds the Slack user to the org as an employee; null when Slack's details don't make a valid person. */
async function provision(
  db: Executor,
  workspace: SlackWorkspaceRef,
  user: { userId: string; email: string; name: string },
  clock: Clock,
): Promise<PersonRow | null> {
  const system: Actor = { kind: "system", orgId: workspace.orgId };
  try {
    return await db.transaction(async (tx) => {
      const { person } = await createPerson(tx, system, { name: user.name, email: user.email }, clock);
      await linkSlackUser(tx, workspace, person.id, user.userId);
      return { ...person, isBot: false };
    });
  } catch (error) {
    // Slack's details fail a person's checks (a name over 200 characters): an admin adds them by hand.
    if (isDomainError(error, "invalid")) return null;
    throw error;
  }
}

/**
 * Ties a person to a Slack user, only while they have no Slack user yet: a person is never moved from
 * one Slack account to another behind an admin's back.
 */
async function linkSlackUser(
  tx: Executor,
  workspace: SlackWorkspaceRef,
  personId: string,
  slackUserId: string,
): Promise<void> {
  const { orgId, teamId } = workspace;
  const linked = { slackTeamId: teamId, slackUserId };
  const [row] = await tx
    .update(people)
    .set(linked)
    .where(
      and(
        eq(people.orgId, orgId),
        eq(people.id, personId),
        isNull(people.slackTeamId),
        isNull(people.slackUserId),
        eq(people.active, true),
        eq(people.isBot, false),
      ),
    )
    .returning({ id: people.id });
  if (!row) throw new LostRace();
  const system: Actor = { kind: "system", orgId };
  await recordAudit(tx, system, {
    orgId,
    action: "person.update",
    targetType: "person",
    targetId: personId,
    before: { slackTeamId: null, slackUserId: null },
    after: linked,
  });
}

function refusalFor(person: Pick<PersonRow, "active" | "isBot">): SlackPersonResult | null {
  if (person.isBot) return unknown("bot", BOT_MESSAGE);
  if (!person.active) return unknown("deactivated", "Your Plaudit account has been deactivated.");
  return null;
}

function answer(
  orgId: string,
  person: PersonRow,
  flags: { newlyLinked: boolean; provisioned: boolean },
): SlackPersonResult {
  return (
    refusalFor(person) ?? {
      status: "linked",
      actor: { kind: "person", orgId, personId: person.id, roles: person.roles },
      person: { id: person.id, name: person.name },
      ...flags,
    }
  );
}

function unknown(reason: SlackRefusal, message: string): SlackPersonResult {
  return { status: "unknown", reason, message };
}
