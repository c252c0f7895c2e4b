import { z } from "zod";
import type { Executor } from "../db/client";
import type { Actor } from "./actor";
import { loadPeople } from "./people-lookup";
import { actorOrgId, authorize } from "./permissions";
import { listRecognitions, pageInput, type RecognitionPage } from "./recognition-list";
import { parseInput } from "./validation";

const historyInput = z.object({
  ...pageInput,
  personId: z.uuid(),
  direction: z.enum(["received", "given", "all"]).default("all"),
});

/** Recognitions a person received, gave, or both. Recognition is public within an org. */
export async function listPersonHistory(
  db: Executor,
  actor: Actor,
  input: z.input<typeof historyInput>,
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
  return listRecognitions(db, orgId, filter, { cursor: request.cursor, limit: request.limit });
}
