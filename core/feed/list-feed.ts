import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { type FeedPage, listRecognitions, pageInput, type RecognitionPage } from "./recognition-list";
import { viewerOf } from "./recognition-lookup";

const feedInput = z.object({
  ...pageInput,
  value: text().max(60).optional(),
  department: text().max(120).optional(),
  /**
   * Also the charity donations people chose to share, as the feed page shows them; only in the whole
   * feed and a department's. The integration API lists recognitions alone.
   */
  donations: z.boolean().default(false),
});

type FeedInput = z.input<typeof feedInput>;

/**
 * The org's recognition feed, newest first, optionally narrowed to a company value or a department,
 * with the level of everyone it names.
 */
export function listFeed(
  db: Executor,
  actor: Actor,
  input?: FeedInput & { donations?: false },
  clock?: Clock,
): Promise<RecognitionPage>;
export function listFeed(db: Executor, actor: Actor, input: FeedInput, clock?: Clock): Promise<FeedPage>;
export async function listFeed(
  db: Executor,
  actor: Actor,
  input: FeedInput = {},
  clock: Clock = systemClock,
): Promise<FeedPage> {
  authorize(actor, "read_feed");
  const request = parseInput(feedInput, input);
  return listRecognitions(
    db,
    actorOrgId(actor),
    { value: request.value, department: request.department },
    { cursor: request.cursor, limit: request.limit, viewerId: viewerOf(actor), now: clock() },
    { donations: request.donations },
  );
}
