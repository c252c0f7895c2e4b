import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Role } from "../shared/actor";
import { DomainError } from "../shared/errors";

export interface LockedPerson {
  id: string;
  name: string;
  active: boolean;
  roles: Role[];
  managerId: string | null;
  deactivatedAt: Date | null;
  /** Their personal data was erased: they stay as they are, a placeholder, for good. */
  erased: boolean;
}

/**
 * Locks the person and every active admin of the org, in id order, until the transaction ends. Every
 * change that can take away an org's last active admin goes through here, so two of them can't both
 * see "another admin is left" and both go ahead. Returns the person (not_found for another org's id)
 * and the ids of the active admins.
 */
export async function lockPersonAndAdmins(
  tx: Executor,
  orgId: string,
  personId: string,
): Promise<{ person: LockedPerson; activeAdminIds: string[] }> {
  const rows = await tx.execute<{
    id: string;
    name: string;
    active: boolean;
    roles: string;
    manager_id: string | null;
    deactivated_at: string | Date | null;
    erased: boolean;
  }>(sql`
    select id, name, active, roles::text[] as roles, manager_id, deactivated_at, erased_at is not null as erased
    from people
    where org_id = ${orgId}::uuid and (id = ${personId}::uuid or (active and 'admin' = any(roles)))
    order by id for no key update`);
  const parsed = rows.map((row) => ({
    id: row.id,
    name: row.name,
    active: row.active,
    roles: parseRoles(row.roles),
    managerId: row.manager_id,
    deactivatedAt: row.deactivated_at === null ? null : new Date(row.deactivated_at),
    erased: row.erased,
  }));
  const person = parsed.find((row) => row.id === personId);
  if (!person) throw new DomainError("not_found", "That person isn't in your organization.");
  const activeAdminIds = parsed
    .filter((row) => row.active && row.roles.includes("admin"))
    .map((row) => row.id);
  return { person, activeAdminIds };
}

/** postgres.js returns a text[] either parsed or as its literal, depending on the type cache. */
function parseRoles(value: string | string[]): Role[] {
  const list = Array.isArray(value) ? value : value.replace(/^\{|\}$/g, "").split(",");
  return list.filter((role) => role.length > 0) as Role[];
}

/**
 * An erased person's record is a placeholder kept for the history that points at it: it is never edited
 * or reactivated. Someone who comes back is added again, as a new person.
 */
export function refuseErased(person: LockedPerson, change: "edited" | "reactivated"): void {
  if (!person.erased) return;
  throw new DomainError(
    "conflict",
    `This person's personal data was erased, so they can't be ${change}; if they come back, add them as a new person.`,
    { field: "personId" },
  );
}
