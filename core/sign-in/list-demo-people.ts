import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import type { Role } from "../shared/actor";

export interface DemoPerson {
  id: string;
  name: string;
  roles: Role[];
  department: string | null;
  orgName: string;
}

/**
 * The people the demo login offers. Only called when the deployment enables the demo login, which lets
 * a visitor act as anyone; that is its purpose on a demo and in the embedded default.
 */
export async function listDemoPeople(db: Executor): Promise<DemoPerson[]> {
  return db
    .select({
      id: people.id,
      name: people.name,
      roles: people.roles,
      department: people.department,
      orgName: organizations.name,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(and(eq(people.active, true), eq(people.isBot, false)))
    .orderBy(asc(organizations.name), asc(people.name))
    .limit(1000);
}
