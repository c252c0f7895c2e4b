"use server";

import { requireViewer } from "@/app/_lib/viewer";
import { listPeople } from "@/core/people/list-people";
import { getDb } from "@/db/client";
import { type ManagerOption, managerOption } from "./_components/person-form-data";

const MANAGER_MATCHES = 25;

/** Active people whose name or email contains `query`, for the manager picker. */
export async function findManagers(query: string): Promise<ManagerOption[]> {
  const viewer = await requireViewer();
  const page = await listPeople(getDb(), viewer.actor, {
    q: query.slice(0, 200),
    active: true,
    limit: MANAGER_MATCHES,
  });
  return page.items.map(managerOption);
}
