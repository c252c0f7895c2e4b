import type { Executor } from "../../db/client";
import { loadPeople, type PersonSummary } from "../people/people-lookup";
import { reportsAmong } from "../people/reporting-lines";
import type { Actor } from "../shared/actor";
import { type Action, authorize } from "../shared/permissions";

/**
 * Loads the people an allowance change is about and checks the actor may change each of them: an
 * admin anyone in the org, a manager the people in their reporting line.
 */
export async function authorizeForPeople(
  tx: Executor,
  actor: Actor & { kind: "person" | "system" },
  action: Action,
  personIds: readonly string[],
): Promise<PersonSummary[]> {
  const targets = await loadPeople(tx, actor.orgId, personIds);
  const reports =
    actor.kind === "person"
      ? await reportsAmong(tx, actor.orgId, actor.personId, personIds)
      : new Set<string>();
  for (const target of targets) {
    authorize(actor, action, {
      self: actor.kind === "person" && actor.personId === target.id,
      managerOfTarget: reports.has(target.id),
    });
  }
  return targets;
}
