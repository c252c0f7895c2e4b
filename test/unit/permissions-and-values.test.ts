import { describe, expect, it } from "vitest";
import type { Actor } from "../../core/shared/actor";
import { API_SCOPES, type ApiScope } from "../../core/shared/api-scopes";
import { isDomainError } from "../../core/shared/errors";
import { type Action, actorOrgId, authorize, can, type Relation } from "../../core/shared/permissions";
import { normaliseValueName, VALUE_NAME_PATTERN } from "../../core/values/value-names";

const ORG = "00000000-0000-4000-8000-000000000001";
const person = (roles: ("employee" | "manager" | "admin" | "finance")[]): Actor => ({
  kind: "person",
  orgId: ORG,
  personId: "00000000-0000-4000-8000-000000000002",
  roles,
});

/** Each way an actor can stand towards the person an action is about. */
const CASES = {
  employee: { actor: person(["employee"]), relation: {} },
  employeeAboutThemself: { actor: person(["employee"]), relation: { self: true } },
  managerOfTarget: { actor: person(["employee", "manager"]), relation: { managerOfTarget: true } },
  managerNotOfTarget: { actor: person(["employee", "manager"]), relation: {} },
  managerAboutThemself: { actor: person(["employee", "manager"]), relation: { self: true } },
  admin: { actor: person(["employee", "admin"]), relation: {} },
  finance: { actor: person(["employee", "finance"]), relation: {} },
  system: { actor: { kind: "system", orgId: ORG }, relation: {} },
  operator: { actor: { kind: "operator" }, relation: {} },
} satisfies Record<string, { actor: Actor; relation: Relation }>;

type Case = keyof typeof CASES;

const allPeople = (allowed: boolean) => ({
  employee: allowed,
  employeeAboutThemself: allowed,
  managerOfTarget: allowed,
  managerNotOfTarget: allowed,
  managerAboutThemself: allowed,
  admin: allowed,
  finance: allowed,
});

const EXPECTED: Record<Action, Record<Case, boolean>> = {
  // An org-level actor (an API key) gives on a named person's behalf: givePoints accepts `giverId` from
  // exactly that actor, so the table must let it through.
  give_points: { ...allPeople(true), system: true, operator: false },
  read_feed: { ...allPeople(true), system: true, operator: false },
  react_to_recognitions: { ...allPeople(true), system: false, operator: false },
  comment_on_recognitions: { ...allPeople(true), system: false, operator: false },
  // The Slack adapter, for the org, remembers which post shows a recognition; no person or key does.
  record_slack_announcements: { ...allPeople(false), system: true, operator: false },
  mirror_slack_replies: { ...allPeople(false), system: true, operator: false },
  read_slack_threads: { ...allPeople(true), system: true, operator: false },
  read_own_inbox: { ...allPeople(true), system: false, operator: false },
  manage_own_preferences: { ...allPeople(true), system: false, operator: false },
  read_leaderboard: { ...allPeople(true), system: true, operator: false },
  read_campaigns: { ...allPeople(true), system: true, operator: false },
  manage_campaigns: { ...allPeople(false), admin: true, system: false, operator: false },
  read_history: { ...allPeople(true), system: true, operator: false },
  search_people: { ...allPeople(true), system: true, operator: false },
  // Full person records (emails, external ids, cost centers) are for admins and integrations.
  read_people: { ...allPeople(false), admin: true, system: true, operator: false },
  read_balances: {
    ...allPeople(false),
    employeeAboutThemself: true,
    managerOfTarget: true,
    managerAboutThemself: true,
    admin: true,
    finance: true,
    system: true,
    operator: false,
  },
  // A reporting-line view: managers and admins see their own reports; the role alone grants it.
  read_team: {
    ...allPeople(false),
    managerOfTarget: true,
    managerNotOfTarget: true,
    managerAboutThemself: true,
    admin: true,
    system: false,
    operator: false,
  },
  // Managers see their reporting line's analytics and admins the org's; the role alone grants it.
  view_analytics: {
    ...allPeople(false),
    managerOfTarget: true,
    managerNotOfTarget: true,
    managerAboutThemself: true,
    admin: true,
    system: false,
    operator: false,
  },
  // Nobody sets their own allowance unless they are an admin.
  set_allowance: { ...allPeople(false), managerOfTarget: true, admin: true, system: false, operator: false },
  boost_allowance: {
    ...allPeople(false),
    managerOfTarget: true,
    admin: true,
    system: false,
    operator: false,
  },
  // A manager stays under the org's ceiling; only an admin may confirm going past it.
  exceed_allowance_ceiling: { ...allPeople(false), admin: true, system: false, operator: false },
  grant_points: { ...allPeople(false), admin: true, system: true, operator: false },
  manage_people: { ...allPeople(false), admin: true, system: true, operator: true },
  // Who holds the admin and finance roles: people and the deployment decide, never an API key (below).
  manage_privileged_people: { ...allPeople(false), admin: true, system: true, operator: true },
  // Irreversible: never an API key, so a leaked integration key can't destroy anyone's records.
  erase_people: { ...allPeople(false), admin: true, system: false, operator: true },
  update_org_settings: { ...allPeople(false), admin: true, system: false, operator: false },
  manage_values: { ...allPeople(false), admin: true, system: false, operator: false },
  manage_api_keys: { ...allPeople(false), admin: true, system: false, operator: false },
  manage_slack: { ...allPeople(false), admin: true, system: false, operator: true },
  read_audit_log: { ...allPeople(false), admin: true, system: false, operator: false },
  open_admin_area: { ...allPeople(false), admin: true, system: false, operator: false },
  create_organization: { ...allPeople(false), system: false, operator: true },
  // Only the operator seeds the demo; nobody inside an org can write its completion mark.
  seed_demo: { ...allPeople(false), system: false, operator: true },
  check_ledger: { ...allPeople(false), admin: true, finance: true, system: false, operator: true },
  read_rewards: { ...allPeople(true), system: true, operator: false },
  // An API key redeems for a named person, as it gives for one.
  redeem_rewards: { ...allPeople(true), system: true, operator: false },
  // Your own redemptions, or anyone's for admins, finance and integrations.
  read_redemptions: {
    ...allPeople(false),
    employeeAboutThemself: true,
    managerAboutThemself: true,
    admin: true,
    finance: true,
    system: true,
    operator: false,
  },
  manage_rewards: { ...allPeople(false), admin: true, system: false, operator: false },
  decide_redemptions: { ...allPeople(false), admin: true, system: false, operator: false },
  run_background_work: { ...allPeople(false), system: true, operator: true },
  read_webhook_keys: { ...allPeople(false), system: false, operator: true },
  purge_rate_limits: { ...allPeople(false), system: false, operator: true },
  // The deployment's metrics: figures across every org, which no org's actor may read.
  read_operations_figures: { ...allPeople(false), system: false, operator: true },
  read_bills: { ...allPeople(false), admin: true, finance: true, system: true, operator: false },
  // The operator's `close-bill` command names the org; an API key never closes a month.
  close_bill: { ...allPeople(false), admin: true, finance: true, system: false, operator: true },
  manage_billing: { ...allPeople(false), admin: true, finance: true, system: false, operator: false },
  read_liability: { ...allPeople(false), admin: true, finance: true, system: true, operator: false },
  // The area's pages are for people; an API key reads bills and the liability through the API.
  open_finance_area: { ...allPeople(false), admin: true, finance: true, system: false, operator: false },
};

const CELLS = Object.entries(EXPECTED).flatMap(([action, row]) =>
  Object.entries(row).map(([name, allowed]) => ({ action: action as Action, name: name as Case, allowed })),
);

describe("permission table", () => {
  it.each(CELLS)("$name: $action is allowed = $allowed", ({ action, name, allowed }) => {
    const { actor, relation } = CASES[name];
    expect(can(actor, action, relation)).toBe(allowed);
  });

  it("never lets a relation stand in for a role it was not granted for", () => {
    const employee = CASES.employee.actor;
    expect(can(employee, "grant_points", { self: true, managerOfTarget: true })).toBe(false);
    expect(can(employee, "check_ledger", { self: true, managerOfTarget: true })).toBe(false);
    // Relations are facts about a person; an org-level actor gains nothing from them.
    expect(can({ kind: "system", orgId: ORG }, "set_allowance", { managerOfTarget: true })).toBe(false);
    expect(can({ kind: "operator" }, "read_balances", { self: true, managerOfTarget: true })).toBe(false);
  });

  it("grants by relation whatever the roles: a person with reports but no manager role", () => {
    expect(can(CASES.employee.actor, "set_allowance", { managerOfTarget: true })).toBe(true);
    expect(can(CASES.employee.actor, "read_balances", { managerOfTarget: true })).toBe(true);
  });

  it("authorize throws a forbidden DomainError naming the action", () => {
    let caught: unknown;
    try {
      authorize(CASES.employee.actor, "grant_points");
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, "forbidden")).toBe(true);
    expect(caught).toMatchObject({ details: { action: "grant_points" } });
    expect(() => authorize(CASES.admin.actor, "grant_points")).not.toThrow();
  });

  it("the operator has no org to act in", () => {
    expect(() => actorOrgId({ kind: "operator" })).toThrow(expect.objectContaining({ code: "invalid" }));
    expect(actorOrgId({ kind: "system", orgId: ORG })).toBe(ORG);
    expect(actorOrgId(CASES.finance.actor)).toBe(ORG);
  });
});

/** The one scope that lets an API key take each action; null: no key may, whatever its scopes. */
const KEY_SCOPE: Record<Action, ApiScope | null> = {
  give_points: "recognitions:write",
  read_feed: "recognitions:read",
  react_to_recognitions: null,
  comment_on_recognitions: null,
  record_slack_announcements: null,
  mirror_slack_replies: null,
  read_slack_threads: null,
  read_own_inbox: null,
  manage_own_preferences: null,
  read_leaderboard: null,
  read_campaigns: null,
  manage_campaigns: null,
  read_history: null,
  search_people: null,
  read_people: "people:read",
  read_balances: "recognitions:read",
  read_team: null,
  view_analytics: null,
  set_allowance: null,
  boost_allowance: null,
  exceed_allowance_ceiling: null,
  grant_points: null,
  manage_people: "people:write",
  manage_privileged_people: null,
  erase_people: null,
  update_org_settings: null,
  manage_values: null,
  manage_api_keys: null,
  manage_slack: null,
  read_audit_log: null,
  open_admin_area: null,
  create_organization: null,
  seed_demo: null,
  check_ledger: null,
  read_rewards: "rewards:read",
  redeem_rewards: "rewards:write",
  read_redemptions: "rewards:read",
  manage_rewards: null,
  decide_redemptions: null,
  run_background_work: null,
  read_webhook_keys: null,
  read_bills: "finance:read",
  close_bill: null,
  manage_billing: null,
  read_liability: "finance:read",
  open_finance_area: null,
  purge_rate_limits: null,
  read_operations_figures: null,
};

const keyWith = (scopes: readonly ApiScope[]): Actor => ({
  kind: "system",
  orgId: ORG,
  apiKey: { id: "00000000-0000-4000-8000-000000000003", scopes },
});

const ACTIONS = Object.keys(KEY_SCOPE) as Action[];
const SCOPE_CELLS = ACTIONS.flatMap((action) =>
  API_SCOPES.map((scope) => ({ action, scope, allowed: KEY_SCOPE[action] === scope })),
);

describe("API key scopes in the permission table", () => {
  it.each(SCOPE_CELLS)(
    "a key with only $scope: $action is allowed = $allowed",
    ({ action, scope, allowed }) => {
      expect(can(keyWith([scope]), action)).toBe(allowed);
      // Every relation at once changes nothing: a key is nobody's self or manager.
      expect(can(keyWith([scope]), action, { self: true, managerOfTarget: true })).toBe(allowed);
    },
  );

  it("lets a key with every scope take exactly the actions that name one, never what only the org's own system may", () => {
    const everything = keyWith(API_SCOPES);
    for (const action of ACTIONS) {
      expect(can(everything, action), action).toBe(KEY_SCOPE[action] !== null);
    }
    expect(can(everything, "manage_privileged_people")).toBe(false);
    expect(can(everything, "run_background_work")).toBe(false);
    expect(can(CASES.system.actor, "run_background_work")).toBe(true);
  });

  it("gives every scope something to do, so that each is some route's one scope", () => {
    const granting = new Set(Object.values(KEY_SCOPE).filter((scope) => scope !== null));
    expect([...granting].sort()).toEqual([...API_SCOPES].sort());
  });

  it("lets a key with no scope do nothing at all", () => {
    for (const action of ACTIONS) expect(can(keyWith([]), action), action).toBe(false);
  });
});

describe("normaliseValueName", () => {
  it.each([
    ["#Ownership", "ownership"],
    ["ownership", "ownership"],
    ["OWNERSHIP", "ownership"],
    ["<#C123|ownership>", "ownership"],
    ["<#C0ABC12DE|Ownership>", "ownership"],
    ["<#C123|team-work>", "team-work"],
    ["  #Ownership  ", "ownership"],
    [" <#C123|ownership> ", "ownership"],
    ["<#C123| ownership >", "ownership"],
    ["\t#customer_first\n", "customer_first"],
  ])("%j names %j", (raw, name) => {
    expect(normaliseValueName(raw)).toBe(name);
    expect(VALUE_NAME_PATTERN.test(normaliseValueName(raw))).toBe(true);
  });

  it("strips only one leading hash", () => {
    expect(normaliseValueName("##ownership")).toBe("#ownership");
    expect(VALUE_NAME_PATTERN.test(normaliseValueName("##ownership"))).toBe(false);
  });

  it("leaves text that is not a channel mention alone, so it fails the name pattern", () => {
    for (const raw of ["<#c123|ownership>", "<@U123|ana>", "own ership", ""]) {
      expect(VALUE_NAME_PATTERN.test(normaliseValueName(raw)), raw).toBe(false);
    }
  });
});
