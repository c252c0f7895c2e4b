import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { recognitionReactions } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { REACTIONS, type ReactionCount } from "./reactions";
import { requireVisibleRecognition } from "./recognition-lookup";

const reactInput = z.object({
  recognitionId: uuid("Choose a recognition."),
  reaction: z.enum(REACTIONS, `React with one of: ${REACTIONS.join(", ")}.`),
  /** True to add the reaction, false to take it back: the same request twice leaves the same state. */
  on: z.boolean("Say whether to add or remove the reaction."),
  /** Where the person reacted: on the web, or to the recognition's Slack post. */
  source: z.enum(["web", "slack"]).default("web"),
});

export type ReactToRecognitionInput = z.input<typeof reactInput>;

/**
 * Adds or takes back the actor's reaction to a recognition of their org, and answers the recognition's
 * reactions as they now stand.
 */
export async function reactToRecognition(
  db: Database,
  actor: Actor,
  input: ReactToRecognitionInput,
  clock: Clock = systemClock,
): Promise<{ reactions: ReactionCount[] }> {
  authorize(actor, "react_to_recognitions");
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person reacts to a recognition.");
  const request = parseInput(reactInput, input);
  return db.transaction(async (tx) => {
    await requireVisibleRecognition(tx, actor.orgId, request.recognitionId, actor.personId);
    const row = {
      orgId: actor.orgId,
      recognitionId: request.recognitionId,
      personId: actor.personId,
      reaction: request.reaction,
      source: request.source,
      createdAt: clock(),
    };
    if (request.on) {
      await tx.insert(recognitionReactions).values(row).onConflictDoNothing();
    } else {
      await tx
        .delete(recognitionReactions)
        .where(
          and(
            eq(recognitionReactions.orgId, actor.orgId),
            eq(recognitionReactions.recognitionId, request.recognitionId),
            eq(recognitionReactions.personId, actor.personId),
            eq(recognitionReactions.reaction, request.reaction),
          ),
        );
    }
    const counts = await tx.execute<{
      reaction: ReactionCount["reaction"];
      count: string;
      mine: boolean;
    }>(sql`
      select reaction, count(*) as count, bool_or(person_id = ${actor.personId}::uuid) as mine
      from recognition_reactions
      where org_id = ${actor.orgId}::uuid and recognition_id = ${request.recognitionId}::uuid
      group by reaction`);
    const byReaction = new Map(counts.map((count) => [count.reaction, count]));
    return {
      reactions: REACTIONS.flatMap((reaction) => {
        const count = byReaction.get(reaction);
        return count ? [{ reaction, count: Number(count.count), mine: count.mine }] : [];
      }),
    };
  });
}
