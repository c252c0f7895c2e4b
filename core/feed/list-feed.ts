import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { listRecognitions, pageInput, type RecognitionPage } from "./recognition-list";

const feedInput = z.object({
  ...pageInput,
  value: z.string().max(60).optional(),
  department: z.string().max(120).optional(),
});

/** The org's recognition feed, newest first, optionally narrowed to a company value or a department. */
export async function listFeed(
  db: Executor,
  actor: Actor,
  input: z.input<typeof feedInput> = {},
): Promise<RecognitionPage> {
  authorize(actor, "read_feed");
  const request = parseInput(feedInput, input);
  return listRecognitions(
    db,
    actorOrgId(actor),
    { value: request.value, department: request.department },
    { cursor: request.cursor, limit: request.limit },
  );
}
