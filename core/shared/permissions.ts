import type { Actor, Role } from "./actor";
import { DomainError } from "./errors";

/**
 * Who may do what, in one table. A grant is a role, or a relation between the actor and the person the
 * action is about, which the use case establishes before asking.
 */
type Grant = Role | "member" | "self" | "manager_of_target" | "system" | "operator";

const PERMISSIONS = {
  // The system actor (an API key) gives on behalf of a named person; the ledger checks that person.
  give_points: ["member", "system"],
  read_feed: ["member", "system"],
  read_leaderboard: ["member", "system"],
  read_history: ["member", "system"],
  search_people: ["member", "system"],
  read_balances: ["self", "manager_of_target", "admin", "finance", "system"],
  // A manager's own reporting line; admins see only theirs here too (everyone is on the People page).
  read_team: ["manager", "admin"],
  set_allowance: ["manager_of_target", "admin"],
  boost_allowance: ["manager_of_target", "admin"],
  grant_points: ["admin", "system"],
  // Every detail of everyone, inactive people included: the People page and HR syncs.
  read_people: ["admin", "system"],
  manage_people: ["admin", "system", "operator"],
  update_org_settings: ["admin"],
  manage_values: ["admin"],
  manage_api_keys: ["admin"],
  // Connecting a Slack workspace: an admin through the app's install flow, or the operator for any org.
  manage_slack: ["admin", "operator"],
  read_audit_log: ["admin"],
  // The admin pages as a whole; each page's own use case still checks its action.
  open_admin_area: ["admin"],
  create_organization: ["operator"],
  // The Acme demo that `npm start` puts into an empty database, and `npm run db:seed`.
  seed_demo: ["operator"],
  check_ledger: ["finance", "admin", "operator"],
  // Rewards: an API key redeems on behalf of a named person, as it gives.
  read_rewards: ["member", "system"],
  redeem_rewards: ["member", "system"],
  // Anyone's redemptions; everyone sees their own ("self").
  read_redemptions: ["self", "admin", "finance", "system"],
  manage_rewards: ["admin"],
  // Approve or decline, hand over a custom reward, resolve what needs attention.
  decide_redemptions: ["admin"],
  // Background work: the worker acts across orgs as the deployment itself, then as each org's system.
  run_background_work: ["operator", "system"],
  // Finance: bills and their files (an API key reads them too), closing a month, billing settings.
  read_bills: ["finance", "admin", "system"],
  // The operator closes a month from the command line (`close-bill`), naming the org, for a deployment
  // whose finance team has no one signed in; an API key (system) cannot close a bill.
  close_bill: ["finance", "admin", "operator"],
  manage_billing: ["finance", "admin"],
  read_liability: ["finance", "admin", "system"],
  // The finance pages as a whole, for people; each page's own use case still checks its action.
  open_finance_area: ["finance", "admin"],
  // Every org's webhook keys, to tell whose account signed a webhook: the deployment's alone.
  read_webhook_keys: ["operator"],
  // Figures across every org for the deployment's metrics (redemptions by status, background backlog).
  read_operations_figures: ["operator"],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof PERMISSIONS;

export interface Relation {
  /** The action is about the actor themself. */
  self?: boolean;
  /** The actor manages the target, directly or through a chain of managers. */
  managerOfTarget?: boolean;
}

export function can(actor: Actor, action: Action, relation: Relation = {}): boolean {
  const grants: readonly Grant[] = PERMISSIONS[action];
  return grants.some((grant) => {
    switch (grant) {
      case "operator":
      case "system":
        return actor.kind === grant;
      case "member":
        return actor.kind === "person";
      case "self":
        return actor.kind === "person" && relation.self === true;
      case "manager_of_target":
        return actor.kind === "person" && relation.managerOfTarget === true;
      default:
        return actor.kind === "person" && actor.roles.includes(grant);
    }
  });
}

export function authorize(actor: Actor, action: Action, relation: Relation = {}): void {
  if (!can(actor, action, relation)) {
    throw new DomainError("forbidden", "You don't have permission to do that.", { action });
  }
}

/** The org an actor acts in; the operator has none and must name one. */
export function actorOrgId(actor: Actor): string {
  if (actor.kind === "operator") throw new DomainError("invalid", "Name the organization to act in.");
  return actor.orgId;
}
