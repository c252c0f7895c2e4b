export type Role = "employee" | "manager" | "admin" | "finance";
export const ROLES: readonly Role[] = ["employee", "manager", "admin", "finance"];

/** Who is acting. Adapters build it from a session, a Slack user, an API key or the operator CLI. */
export type Actor =
  | { kind: "person"; orgId: string; personId: string; roles: readonly Role[] }
  /** Scheduled jobs and API keys act for the org as a whole. */
  | { kind: "system"; orgId: string }
  /** The self-hoster at the command line, before any org exists. */
  | { kind: "operator" };

export type OrgActor = Exclude<Actor, { kind: "operator" }>;
