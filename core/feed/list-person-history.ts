import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadPeople } from "../people/people-lookup";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { listRecognitions, pageInput, type RecognitionPage } from "./recognition-list";

const historyInput = z.object({
  ...pageInput,
  personId: uuid(),
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
