import { apiKeyScope } from "../../db/schema";

/** What an API key may do. Each integration API route needs exactly one scope; a key holds at least one. */
export type ApiScope = (typeof apiKeyScope.enumValues)[number];

export const API_SCOPES: readonly ApiScope[] = apiKeyScope.enumValues;

/**
 * What each scope lets a key do, in the words the admin's key form and the API reference use. No scope
 * lets a key give or take the admin or finance role: a leaked key must never become an admin account.
 */
export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "people:read": "List people with every detail: emails, external ids, managers, departments, dates.",
  "people:write":
    "Create, update, deactivate and reactivate people (an HR sync). Never the admin or finance role.",
  "recognitions:read": "Read the recognition feed and anyone's balances.",
  "recognitions:write": "Give points on a person's behalf, out of their monthly allowance.",
  "rewards:read": "Read the reward catalog and everyone's redemptions.",
  "rewards:write": "Redeem a person's earned points for a reward on their behalf.",
  "finance:read": "Read the monthly bills, their lines and files, and the points liability.",
};

export function isApiScope(value: unknown): value is ApiScope {
  return (API_SCOPES as readonly unknown[]).includes(value);
}
