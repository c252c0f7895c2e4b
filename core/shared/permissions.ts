import type { Actor, Role } from "./actor";
import { type ApiScope, isApiScope } from "./api-scopes";
import { DomainError } from "./errors";

/**
 * Who may do what, in one table. A grant is a role; a relation between the actor and the person the
 * action is about, which the use case establishes before asking; the org's own system or the operator;
 * or an API key scope. An API key (a system actor with `apiKey`) gets only what its scopes are named
 * for: the `system` grant is the org's own work, never a key's. A row names at most one scope, so each
 * integration API route needs exactly one.
 */
type Grant = Role | "member" | "self" | "manager_of_target" | "system" | "operator" | ApiScope;

const PERMISSIONS = {
  // An org-level actor gives on behalf of a named person; the ledger checks that person.
  give_points: ["member", "system", "recognitions:write"],
  read_feed: ["member", "system", "recognitions:read"],
  react_to_recognitions: ["member"],
  comment_on_recognitions: ["member"],
  // The Slack post that shows a recognition given in Slack: the Slack adapter records it for the org, then
  // finds the recognition a reaction or thread reply there is about; the web copies what people add to it.
  record_slack_announcements: ["system"],
  // A thread reply edited or deleted in Slack changes its comment on the web alike.
  mirror_slack_replies: ["system"],
  read_slack_threads: ["member", "system"],
  // A person's own notifications: what happened to and around them.
  read_own_inbox: ["member"],
  // Which reminders and digests a person gets in Slack: theirs alone to choose.
  manage_own_preferences: ["member"],
  read_leaderboard: ["member", "system"],
  // Double-points campaigns are news to everyone; only admins start or end one.
  read_campaigns: ["member", "system"],
  manage_campaigns: ["admin"],
  read_history: ["member", "system"],
  search_people: ["member", "system"],
  read_balances: ["self", "manager_of_target", "admin", "finance", "system", "recognitions:read"],
  // A manager's own reporting line; admins see only theirs here too (everyone is on the People page).
  read_team: ["manager", "admin"],
  // Recognition analytics: an admin's of the whole org, a manager's of their reporting line alone.
  view_analytics: ["manager", "admin"],
  set_allowance: ["manager_of_target", "admin"],
  boost_allowance: ["manager_of_target", "admin"],
  // Past the org's allowance ceiling, after confirming what it may cost.
  exceed_allowance_ceiling: ["admin"],
  grant_points: ["admin", "system"],
  // Every detail of everyone, inactive people included: the People page and HR syncs.
  read_people: ["admin", "system", "people:read"],
  manage_people: ["admin", "system", "operator", "people:write"],
  // Who holds the admin and finance roles, and the email such a person signs in with: giving or taking
  // either role, changing that email, reactivating such a person. No scope grants it, so a leaked key can
  // never make (or reach) an admin account; a key may still deactivate anyone, which takes access away.
  manage_privileged_people: ["admin", "system", "operator"],
  // Erasing a person's personal data on request can't be undone: an admin, or the operator from the
  // CLI. No API key can: a leaked integration key must never be able to destroy records.
  erase_people: ["admin", "operator"],
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
  read_rewards: ["member", "system", "rewards:read"],
  redeem_rewards: ["member", "system", "rewards:write"],
  // Anyone's redemptions; everyone sees their own ("self").
  read_redemptions: ["self", "admin", "finance", "system", "rewards:read"],
  manage_rewards: ["admin"],
  // Approve or decline, hand over a custom reward, resolve what needs attention.
  decide_redemptions: ["admin"],
  // Background work: the worker acts across orgs as the deployment itself, then as each org's system.
  run_background_work: ["operator", "system"],
  // Finance: bills and their files (an API key reads them too), closing a month, billing settings.
  read_bills: ["finance", "admin", "system", "finance:read"],
  // The operator closes a month from the command line (`close-bill`), naming the org, for a deployment
  // whose finance team has no one signed in; an API key (system) cannot close a bill.
  close_bill: ["finance", "admin", "operator"],
  manage_billing: ["finance", "admin"],
  read_liability: ["finance", "admin", "system", "finance:read"],
  // The finance pages as a whole, for people; each page's own use case still checks its action.
  open_finance_area: ["finance", "admin"],
  // Every org's webhook keys, to tell whose account signed a webhook: the deployment's alone.
  read_webhook_keys: ["operator"],
  // The rate limits' counters belong to the deployment, not to an org: only its own background work
  // clears the expired ones.
  purge_rate_limits: ["operator"],
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
        return actor.kind === "operator";
      case "system":
        return actor.kind === "system" && actor.apiKey === undefined;
      case "member":
        return actor.kind === "person";
      case "self":
        return actor.kind === "person" && relation.self === true;
      case "manager_of_target":
        return actor.kind === "person" && relation.managerOfTarget === true;
      default:
        if (isApiScope(grant))
          return actor.kind === "system" && actor.apiKey?.scopes.includes(grant) === true;
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
