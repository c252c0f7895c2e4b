import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadPeople } from "../people/people-lookup";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { earnedBalancesAfter } from "./earned-balances";
import { listRecognitions, pageInput, type RecognitionPage } from "./recognition-list";
import { viewerOf } from "./recognition-lookup";

const historyInput = z.object({
  ...pageInput,
  personId: uuid(),
  direction: z.enum(["received", "given", "all"]).default("all"),
  /** Each item's earned balance just after it: for the person themself, or whoever may see their balance. */
  withEarnedBalance: z.boolean().default(false),
});

/**
 * Recognitions a person received, gave, or both. Recognition is public within an org; the running
 * earned balance beside each item is not, and is asked for apart.
 */
export async function listPersonHistory(
  db: Executor,
  actor: Actor,
  input: z.input<typeof historyInput>,
  clock: Clock = systemClock,
): Promise<RecognitionPage> {
  authorize(actor, "read_history");
  const request = parseInput(historyInput, input);
  const orgId = actorOrgId(actor);
  await loadPeople(db, orgId, [request.personId]);
  const filter =
    request.direction === "received"
      ? { receivedBy: request.personId }
      : request.direction === "given"
        ? { givenBy: request.personId }
        : { involving: request.personId };
  const page = await listRecognitions(db, orgId, filter, {
    cursor: request.cursor,
    limit: request.limit,
    viewerId: viewerOf(actor),
    now: clock(),
  });
  if (!request.withEarnedBalance) return page;
  authorize(actor, "read_balances", { self: actor.kind === "person" && actor.personId === request.personId });
  const balances = await earnedBalancesAfter(
    db,
    orgId,
    request.personId,
    page.items.map((item) => item.id),
  );
  return { ...page, items: page.items.map((item) => ({ ...item, earnedAfter: balances.get(item.id) })) };
}
