"use server";

import { type Lookup, lookupAction } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { listPeople } from "@/core/people/list-people";
import { type ManagerOption, managerOption } from "./_components/person-form-data";

const MANAGER_MATCHES = 25;

/** Active people whose name or email contains `query`, for the manager picker. */
export async function findManagers(query: unknown): Promise<Lookup<ManagerOption[]>> {
  const { db, actor } = await signedIn();
  return lookupAction(async () => {
    const page = await listPeople(db, actor, {
      q: typeof query === "string" ? query.slice(0, 200) : "",
      active: true,
      limit: MANAGER_MATCHES,
    });
    return page.items.map(managerOption);
  });
}
