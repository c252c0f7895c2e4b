import type { AuditLogEntry } from "@/core/org/list-audit-log";
import type { DisplayNames } from "@/core/people/get-display-names";
import { formatMonthDay } from "@/core/people/month-day";
import { formatMoney, formatPointsWithValue, type PointValue } from "@/core/shared/money";
import { formatInZone } from "../_components/format-time";
import { STATUS_TEXT } from "../rewards/_components/redemption-text";

/** What an entry's ids and figures are read against. */
export interface EntryContext {
  names: DisplayNames;
  timeZone: string;
  /** Today's point value: an old entry's points are shown at what they are worth now. */
  pointValue: PointValue;
}

export interface FieldChange {
  field: string;
  label: string;
  /** Null when the field had no value (or the entry records none). */
  before: string | null;
  after: string | null;
}

export interface DescribedEntry {
  /** "changed the settings", "deactivated": read after the actor's name. */
  verb: string;
  /** Whom or what the entry is about, when that is not the org itself. */
  target: string | null;
  changes: FieldChange[];
}

const VERBS: Record<string, string> = {
  "organization.create": "created the organization",
  "organization.seed_demo": "loaded the demo data",
  "person.create": "added",
  "organization.update_settings": "changed the settings",
  "company_value.create": "added the value",
  "company_value.rename": "edited the value",
  "company_value.retire": "retired the value",
  "company_value.restore": "restored the value",
  "api_key.create": "created the API key",
  "api_key.revoke": "revoked the API key",
  "people.import": "imported people from a file",
  "person.update": "changed the details of",
  "person.deactivate": "deactivated",
  "person.reactivate": "reactivated",
  "person.erase": "erased the personal data of",
  "allowance.set": "set the monthly allowance of",
  "allowance.boost": "boosted this month's allowance of",
  "points.grant": "made a spot award",
  "points.forfeit": "forfeited the earned points of",
  "slack.install": "connected Slack",
  "rewards.update_settings": "changed the reward settings",
  "custom_reward.create": "added the custom reward",
  "custom_reward.update": "edited the custom reward",
  "redemption.approve": "approved a redemption",
  "redemption.decline": "declined a redemption",
  "redemption.fulfil": "marked a redemption fulfilled",
  "redemption.fail": "marked a redemption failed",
  "redemption.resend": "resent a reward",
  "redemption.cancel": "canceled a reward",
  "redemption.retry": "retried a redemption",
};

const LABELS: Record<string, string> = {
  timeZone: "Time zone",
  pointValuePoints: "Point value: points",
  pointValueMinor: "Point value: money",
  defaultMonthlyAllowance: "Monthly allowance per person",
  managerAllowancePerReport: "Extra per direct report",
  managerAllowanceCeiling: "Most a manager may set",
  minPointsPerRecognition: "Fewest points per recognition",
  maxPointsPerRecognition: "Most points per recognition",
  valuesMode: "Company values",
  leaverPolicy: "Leaver policy",
  slackRecognitionChannel: "Slack recognition channel",
  slackAutoProvision: "Add people from Slack",
  birthdayPoints: "Points on a birthday",
  anniversaryPoints: "Points on a work anniversary",
  anniversaryPointsPerYear: "Anniversary points per year of service",
  celebrationChannel: "Celebration channel",
  publicCelebrations: "Public celebrations",
  teamName: "Slack workspace",
  teamId: "Slack workspace ID",
  botUserId: "Slack bot user",
  installedBySlackUser: "Installed by Slack user",
  scopes: "Slack permissions",
  retiredAt: "Retired",
  revokedAt: "Revoked",
  prefix: "Key starts with",
  managerId: "Manager",
  costCenter: "Cost center",
  externalEmployeeId: "Employee ID",
  hireDate: "Hire date",
  deactivatedAt: "Deactivated",
  earned: "Earned balance",
  monthlyAmount: "Monthly allowance",
  amount: "Points each",
  recipientIds: "Recipients",
  period: "Month",
  createdIds: "People added",
  updatedIds: "People updated",
  withErrors: "Rows with errors",
  transactionId: "Ledger transaction",
  redemptionsEnabled: "Redemptions on",
  environment: "Provider environment",
  apiKey: "API key",
  webhookKey: "Webhook key",
  fundingSourceId: "Funding source",
  deliveryMethod: "Delivery",
  approvalThreshold: "Approval needed over",
  offeredCountries: "Countries",
  offeredCategories: "Categories",
  excludedProductIds: "Products not offered",
  pointsPrice: "Price",
  requiresApproval: "Needs approval",
  internalCostMinor: "Cost to the company",
  recipientEmail: "Recipient email",
  // What an erasure changed, counted: the entry keeps nothing of what it erased.
  erasedAt: "Erased",
  recognitionMessages: "Recognition messages replaced",
  comments: "Comments replaced",
  mentions: "Mentions in colleagues' messages and comments replaced",
  ledgerMemos: "Ledger memos replaced",
  boostReasons: "Boost reasons replaced",
  celebrations: "Birthdays and anniversaries celebrated, removed",
  redemptions: "Redemptions no longer naming them",
  giftLinks: "Gift links removed",
  noticesRemoved: "Notices to them removed",
  noticesRedacted: "Notices to others rewritten",
  auditEntries: "Audit entries rewritten",
  signInIdentities: "Sign-in identities removed",
  slackInstallations: "Slack installs no longer naming them",
  billLinesKept: "Bill lines kept",
};

/**
 * The order fields are listed in, as the forms show them; the database keeps JSON keys in its own order.
 * Fields not named here follow, alphabetically.
 */
const FIELD_ORDER = [
  "name",
  "description",
  "email",
  "roles",
  "managerId",
  "department",
  "costCenter",
  "externalEmployeeId",
  "birthday",
  "hireDate",
  "timeZone",
  "pointValuePoints",
  "pointValueMinor",
  "currency",
  "defaultMonthlyAllowance",
  "managerAllowancePerReport",
  "managerAllowanceCeiling",
  "minPointsPerRecognition",
  "maxPointsPerRecognition",
  "valuesMode",
  "leaverPolicy",
  "slackRecognitionChannel",
  "slackAutoProvision",
  "birthdayPoints",
  "anniversaryPoints",
  "anniversaryPointsPerYear",
  "celebrationChannel",
  "teamName",
  "teamId",
  "recipientIds",
  "amount",
  "monthlyAmount",
  "period",
  "message",
  "reason",
  "active",
  "deactivatedAt",
  "earned",
  "forfeited",
];

function fieldRank(field: string): number {
  const rank = FIELD_ORDER.indexOf(field);
  return rank === -1 ? FIELD_ORDER.length : rank;
}

const POINT_FIELDS = new Set([
  "defaultMonthlyAllowance",
  "managerAllowancePerReport",
  "managerAllowanceCeiling",
  "minPointsPerRecognition",
  "maxPointsPerRecognition",
  "monthlyAmount",
  "amount",
  "earned",
  "forfeited",
  "approvalThreshold",
  "pointsPrice",
  "birthdayPoints",
  "anniversaryPoints",
  "anniversaryPointsPerYear",
]);

const CHOICE_TEXT: Record<string, Record<string, string>> = {
  valuesMode: { off: "Off", optional: "Optional", required: "Required" },
  leaverPolicy: { keep: "Keep earned points", forfeit: "Forfeit earned points" },
  provider: { sandbox: "Built-in sandbox", tremendous: "Tremendous" },
  environment: { sandbox: "Sandbox", production: "Production" },
  deliveryMethod: { email: "Email", link: "Link" },
  status: STATUS_TEXT,
};

/** Which row an entry is about, which its heading already says: never a change. */
const IDENTITY_FIELDS = new Set(["id", "orgId"]);

/** Recipients named per entry; an award to a whole department lists the first few and counts the rest. */
const NAMED_RECIPIENTS = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function uuids(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === "string" && UUID.test(item));
}

/** "externalEmployeeId" reads "External employee id" when no better label is known. */
function labelFor(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function personName(id: unknown, context: EntryContext): string {
  return typeof id === "string" ? (context.names.people[id] ?? "someone no longer listed") : String(id);
}

/** One recorded value as a person reads it; `side` is the rest of the record it sits in. */
function formatValue(
  field: string,
  value: unknown,
  side: Record<string, unknown>,
  context: EntryContext,
): string | null {
  if (value === null || value === undefined) return null;
  if (POINT_FIELDS.has(field) && typeof value === "number")
    return formatPointsWithValue(value, context.pointValue);
  if (field === "pointValueMinor" && typeof value === "number") {
    const currency = typeof side.currency === "string" ? side.currency : context.pointValue.currency;
    return formatMoney(value, currency);
  }
  if (field === "pointValuePoints" && typeof value === "number") return `${value} points`;
  if (field === "internalCostMinor" && typeof value === "number")
    return formatMoney(value, context.pointValue.currency);
  if (field === "managerId") return personName(value, context);
  if (field === "recipientIds" && Array.isArray(value)) {
    const named = value.slice(0, NAMED_RECIPIENTS).map((id) => personName(id, context));
    const rest = value.length - named.length;
    return rest > 0 ? `${named.join(", ")} and ${rest} more` : named.join(", ");
  }
  if ((field === "createdIds" || field === "updatedIds") && Array.isArray(value)) {
    return `${value.length} ${value.length === 1 ? "person" : "people"}`;
  }
  if (field === "transactionId") return `#${String(value)}`;
  // The audit log shows a birthday as everything else in Plaudit does: without its year.
  if (field === "birthday" && typeof value === "string") return formatMonthDay(value);
  if (field.endsWith("At") && typeof value === "string") return formatInZone(value, context.timeZone);
  const choice = CHOICE_TEXT[field]?.[String(value)];
  if (choice) return choice;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return new Intl.NumberFormat("en-US").format(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String).join(", ");
  const record = asRecord(value);
  if (typeof record.name === "string")
    return typeof record.email === "string" ? `${record.name} (${record.email})` : record.name;
  return JSON.stringify(value);
}

/**
 * The fields an entry changed, before and after. A field recorded on both sides with the same value is
 * context (a revoked key's name), not a change, and is left out; a creation has only an "after" side.
 */
function changesOf(entry: AuditLogEntry, context: EntryContext): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])].sort(
    (a, b) => fieldRank(a) - fieldRank(b) || a.localeCompare(b),
  );
  return fields
    .filter(
      (field) =>
        !IDENTITY_FIELDS.has(field) &&
        !(
          field in before &&
          field in after &&
          JSON.stringify(before[field]) === JSON.stringify(after[field])
        ),
    )
    .map((field) => ({
      field,
      label: labelFor(field),
      before: formatValue(field, before[field], before, context),
      after: formatValue(field, after[field], after, context),
    }))
    .filter((change) => change.before !== null || change.after !== null);
}

function targetOf(entry: AuditLogEntry, context: EntryContext): string | null {
  const recorded = { ...asRecord(entry.before), ...asRecord(entry.after) };
  switch (entry.targetType) {
    case "person":
      return personName(entry.targetId, context);
    case "company_value": {
      const name = (entry.targetId && context.names.values[entry.targetId]) ?? recorded.name;
      return typeof name === "string" ? `#${name}` : "a value";
    }
    case "api_key":
      return typeof recorded.name === "string" ? `“${recorded.name}”` : "a key";
    case "custom_reward":
      return typeof recorded.name === "string" ? `“${recorded.name}”` : "a reward";
    default:
      return null;
  }
}

export function describeEntry(entry: AuditLogEntry, context: EntryContext): DescribedEntry {
  return {
    verb: VERBS[entry.action] ?? entry.action,
    target: targetOf(entry, context),
    changes: changesOf(entry, context),
  };
}

/** The ids a page of entries mentions, to be named in one read. */
export function idsToName(entries: readonly AuditLogEntry[]): { people: string[]; values: string[] } {
  const people = new Set<string>();
  const values = new Set<string>();
  for (const entry of entries) {
    if (entry.targetType === "person") for (const id of uuids(entry.targetId)) people.add(id);
    if (entry.targetType === "company_value") for (const id of uuids(entry.targetId)) values.add(id);
    for (const side of [asRecord(entry.before), asRecord(entry.after)]) {
      const recipients = Array.isArray(side.recipientIds) ? side.recipientIds.slice(0, NAMED_RECIPIENTS) : [];
      for (const id of [...uuids(side.managerId), ...uuids(recipients)]) people.add(id);
    }
  }
  return { people: [...people], values: [...values] };
}
