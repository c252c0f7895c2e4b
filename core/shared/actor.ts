import type { ApiScope } from "./api-scopes";

export type Role = "employee" | "manager" | "admin" | "finance";
export const ROLES: readonly Role[] = ["employee", "manager", "admin", "finance"];

/** The API key an org-level actor came in with, and what it was allowed to do when it was made. */
export interface ApiKeyGrant {
  id: string;
  scopes: readonly ApiScope[];
}

/** Who is acting. Adapters build it from a session, a Slack user, an API key or the operator CLI. */
export type Actor =
  | { kind: "person"; orgId: string; personId: string; roles: readonly Role[] }
  /**
   * The org as a whole. With `apiKey`, an integration: it may do only what its key's scopes grant. Without,
   * the org's own work (background work, the CLI's reads, provider webhooks, adding Slack users).
   */
  | { kind: "system"; orgId: string; apiKey?: ApiKeyGrant }
  /** The self-hoster at the command line, before any org exists. */
  | { kind: "operator" };

export type OrgActor = Exclude<Actor, { kind: "operator" }>;
