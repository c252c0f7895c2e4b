import type { Actor, Role } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { can } from "../shared/permissions";

/** The roles that open the admin and finance areas. */
const PRIVILEGED_ROLES: readonly Role[] = ["admin", "finance"];

export function holdsPrivilegedRole(roles: readonly Role[]): boolean {
  return roles.some((role) => PRIVILEGED_ROLES.includes(role));
}

/** Whether a change of roles gives or takes the admin or finance role. */
export function changesPrivilegedRoles(before: readonly Role[], after: readonly Role[]): boolean {
  return PRIVILEGED_ROLES.some((role) => before.includes(role) !== after.includes(role));
}

/** What a change would do to a privileged person, the field of the use case's input it comes from, and why not. */
const REFUSALS = {
  roles: () => ({
    field: "roles",
    message: "Only an admin, in Plaudit, can give or take the admin or finance role; an API key can't.",
  }),
  email: (name: string) => ({
    field: "email",
    message: `${name} has the admin or finance role: only an admin, in Plaudit, can change the email they sign in with.`,
  }),
  reactivation: (name: string) => ({
    field: "personId",
    message: `${name} has the admin or finance role: only an admin, in Plaudit, can reactivate them.`,
  }),
};

/**
 * Refuses a change to who holds the admin or finance role or how such a person signs in, unless the
 * permission table lets the actor manage privileged people: otherwise a leaked API key allowed to manage
 * people could make an admin account, or take one over by changing its email.
 */
export function requirePrivilegedAccess(actor: Actor, change: keyof typeof REFUSALS, name = ""): void {
  if (can(actor, "manage_privileged_people")) return;
  const { field, message } = REFUSALS[change](name);
  throw new DomainError("forbidden", message, { field, action: "manage_privileged_people" });
}
