import { and, eq, inArray } from "drizzle-orm";
import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { recordAudit } from "../../core/org/audit";
import { createOrganization } from "../../core/org/create-organization";
import type { Actor, Role } from "../../core/shared/actor";
import { type Clock, systemClock } from "../../core/shared/clock";
import { DomainError } from "../../core/shared/errors";
import { type LocalDate, localDate, startOfLocalDay } from "../../core/shared/periods";
import type { Database } from "../client";
import { allowanceOverrides, auditLog, companyValues, organizations, people } from "../schema";

/**
 * The demo organization: Acme, about 40 people in four departments with three months of recognition.
 * Everything is derived from a fixed PRNG seed, so every run plans the same data. Rows that are not
 * ledger data (people, values, allowances) are written directly; every give and grant goes through the
 * core use cases with a deterministic idempotency key, so an interrupted seed can be run again to
 * finish it without doubling anything.
 */

const OPERATOR: Actor = { kind: "operator" };
const SLUG = "acme";
const EMAIL_DOMAIN = "acme.example";
/** Marks a finished seed, so that a later run leaves the org alone. */
const SEEDED_ACTION = "organization.seed_demo";

type Department = "Operations" | "Engineering" | "Sales" | "Design";

const COST_CENTERS: Record<Department, string> = {
  Operations: "OPS-100",
  Engineering: "ENG-200",
  Sales: "SAL-300",
  Design: "DES-400",
};

interface StaffMember {
  name: string;
  department: Department;
  /** Name of their manager; the CEO has none. */
  manager?: string;
  roles?: Role[];
  /** Monthly allowance override; the org default otherwise. */
  allowance?: number;
  /** Weekdays ago they left the company; they appear in history before that. */
  leftDaysAgo?: number;
}

const CEO = "Daniel Okafor";
/** The first admin, created with the org. */
const ADMIN = "Priya Raman";
const MANAGER: Role[] = ["employee", "manager"];

const STAFF: StaffMember[] = [
  { name: CEO, department: "Operations", roles: MANAGER, allowance: 300 },
  { name: ADMIN, department: "Operations", manager: CEO, roles: [...MANAGER, "admin"], allowance: 200 },
  { name: "Marcus Chen", department: "Operations", manager: ADMIN, roles: ["employee", "finance"] },
  { name: "Grace Liu", department: "Operations", manager: "Marcus Chen", roles: ["employee", "finance"] },
  { name: "Hannah Schmidt", department: "Operations", manager: ADMIN, roles: ["employee", "admin"] },
  { name: "Tomás Rivera", department: "Operations", manager: ADMIN },
  { name: "Olivia Bennett", department: "Operations", manager: ADMIN },
  { name: "Aisha Bello", department: "Engineering", manager: CEO, roles: MANAGER, allowance: 200 },
  {
    name: "Kenji Watanabe",
    department: "Engineering",
    manager: "Aisha Bello",
    roles: MANAGER,
    allowance: 150,
  },
  { name: "Lucas Moreau", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Sofia Rossi", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Ethan Park", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Nadia Haddad", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Sam Whitaker", department: "Engineering", manager: "Aisha Bello" },
  { name: "Mei Tanaka", department: "Engineering", manager: "Aisha Bello" },
  { name: "Oluwaseun Adeyemi", department: "Engineering", manager: "Aisha Bello" },
  { name: "Carlos Mendes", department: "Engineering", manager: "Aisha Bello" },
  { name: "Ingrid Johansson", department: "Engineering", manager: "Aisha Bello" },
  { name: "Ravi Patel", department: "Engineering", manager: "Aisha Bello" },
  { name: "Chloé Dubois", department: "Engineering", manager: "Aisha Bello" },
  { name: "Ben Goldberg", department: "Engineering", manager: "Aisha Bello", allowance: 50 },
  { name: "Rachel Morgan", department: "Sales", manager: CEO, roles: MANAGER, allowance: 200 },
  { name: "Diego Fernández", department: "Sales", manager: "Rachel Morgan" },
  { name: "Emily Nguyen", department: "Sales", manager: "Rachel Morgan" },
  { name: "Jamal Carter", department: "Sales", manager: "Rachel Morgan" },
  { name: "Laura Becker", department: "Sales", manager: "Rachel Morgan" },
  { name: "Noah Williams", department: "Sales", manager: "Rachel Morgan" },
  { name: "Zoe Kowalski", department: "Sales", manager: "Rachel Morgan" },
  { name: "Arjun Mehta", department: "Sales", manager: "Rachel Morgan" },
  { name: "Isabel Costa", department: "Sales", manager: "Rachel Morgan" },
  { name: "Jordan Blake", department: "Sales", manager: "Rachel Morgan", leftDaysAgo: 15 },
  { name: "Yuki Sato", department: "Design", manager: CEO, roles: MANAGER, allowance: 200 },
  { name: "Amara Osei", department: "Design", manager: "Yuki Sato" },
  { name: "Felix Wagner", department: "Design", manager: "Yuki Sato" },
  { name: "Lena Petrova", department: "Design", manager: "Yuki Sato" },
  { name: "Mateo Silva", department: "Design", manager: "Yuki Sato" },
  { name: "Hana Kim", department: "Design", manager: "Yuki Sato" },
  { name: "Oscar Lindqvist", department: "Design", manager: "Yuki Sato" },
  // A contractor: receives thanks but has no allowance to give.
  { name: "Freya Jensen", department: "Design", manager: "Yuki Sato", allowance: 0 },
];

const ADMIN_INDEX = STAFF.findIndex((member) => member.name === ADMIN);

const BOT = { name: "Standup Bot", email: `standup-bot@${EMAIL_DOMAIN}` };

const VALUES = [
  { name: "ownership", description: "We see things through, and fix what we find on the way." },
  { name: "customer-obsession", description: "We start from what customers need and work back." },
  { name: "teamwork", description: "We win together and make each other better." },
  { name: "craft", description: "We sweat the details and leave things better than we found them." },
  { name: "candor", description: "We say what we think, kindly and early." },
] as const;

type ValueName = (typeof VALUES)[number]["name"];

interface Template {
  text: string;
  /** Only for recipients in these departments; any department when absent. */
  departments?: Department[];
}

const ENG: Department[] = ["Engineering"];
const SALES: Department[] = ["Sales"];
const DESIGN: Department[] = ["Design"];

/** `{names}` becomes the recipients' first names. Keyed by the value the message illustrates. */
const MESSAGES: Record<ValueName | "none", Template[]> = {
  ownership: [
    { text: "Thanks {names} for picking up the on-call handover unasked and closing every open incident." },
    { text: "{names} owned the vendor renewal from first call to signed contract. Thank you!" },
    { text: "{names} noticed the onboarding checklist was out of date and rewrote it the same afternoon." },
    {
      text: "{names} spotted the billing export bug before any customer did and fixed it end to end.",
      departments: ENG,
    },
    {
      text: "Thank you {names} for staying with the release until the last smoke test passed.",
      departments: ENG,
    },
    {
      text: "{names} chased down every open item on the Initech contract so it could close this month.",
      departments: SALES,
    },
  ],
  "customer-obsession": [
    { text: "Thanks {names} for turning a frustrated support ticket into a renewal." },
    { text: "{names} got on a 7am call with Initech to unblock their rollout. Above and beyond." },
    {
      text: "{names} sat in on five customer interviews and came back with the insight that reshaped our roadmap.",
    },
    { text: "Thank you {names} for the migration guide our customers keep praising.", departments: ENG },
    {
      text: "{names} closed the Umbrella deal by really listening to what their finance team needed.",
      departments: SALES,
    },
    {
      text: "Thanks {names} for testing the new checkout flow with real customers before we shipped it.",
      departments: DESIGN,
    },
  ],
  teamwork: [
    { text: "{names} covered my demo while I was out sick. Thank you!" },
    { text: "Thank you {names} for helping the new hires get set up on their first day." },
    { text: "{names} ran the cross-team retro and made sure every voice was heard." },
    {
      text: "Thanks {names} for pairing with me on the flaky test suite: two hours that saved me two days.",
      departments: ENG,
    },
    {
      text: "Grateful to {names} for turning my pull request reviews around so quickly all week.",
      departments: ENG,
    },
    { text: "Thanks {names} for the smooth handoff to Design on the Globex pitch.", departments: SALES },
  ],
  craft: [
    { text: "{names} wrote the clearest incident write-up I have read this year." },
    { text: "Thanks {names} for the all-hands slides. Beautiful, and done in record time." },
    { text: "{names} cut the dashboard load time in half. Lovely, careful work.", departments: ENG },
    {
      text: "{names} refactored the permissions code and left it simpler than they found it.",
      departments: ENG,
    },
    {
      text: "The new settings page from {names} is beautiful. Thank you for sweating the details.",
      departments: DESIGN,
    },
    {
      text: "Thanks {names} for the design system tokens: everything finally lines up.",
      departments: DESIGN,
    },
    {
      text: "The illustrations {names} made for the launch post keep getting compliments.",
      departments: DESIGN,
    },
  ],
  candor: [
    { text: "Thanks {names} for the honest feedback on my proposal. It is much better for it." },
    { text: "{names} raised the timeline risk early, which gave us room to fix it. Thank you." },
    { text: "Thank you {names} for saying what everyone was thinking in planning, kindly and clearly." },
    {
      text: "{names} shared the pipeline numbers as they are, not as we hoped. That helped us decide.",
      departments: SALES,
    },
  ],
  none: [
    { text: "Thank you {names}!" },
    { text: "Thanks {names} for the coffee run during the offsite crunch." },
    { text: "{names}, thanks for covering the front desk on Friday." },
    { text: "Thanks {names} for the lunch-and-learn. I learned a lot." },
    { text: "Happy work anniversary {names}, and thank you for everything this year." },
  ],
};

/** Company grants paid by the admin: weekdays ago, recipients, points each, message. */
const SPOT_AWARDS = [
  {
    daysAgo: 52,
    to: ["Diego Fernández", "Emily Nguyen"],
    amount: 200,
    message: "Spot award: closing the Globex renewal a quarter early.",
  },
  {
    daysAgo: 38,
    to: ["Kenji Watanabe", "Lucas Moreau", "Sofia Rossi", "Ethan Park", "Nadia Haddad"],
    amount: 100,
    message: "Spot award for the zero-downtime database migration.",
  },
  {
    daysAgo: 24,
    to: ["Amara Osei", "Felix Wagner", "Lena Petrova"],
    amount: 150,
    message: "Spot award: the rebrand shipped on time and looks wonderful.",
  },
  {
    daysAgo: 9,
    to: ["Hannah Schmidt", "Olivia Bennett"],
    amount: 100,
    message: "Thank you for organising a brilliant company offsite.",
  },
  {
    daysAgo: 4,
    to: ["Marcus Chen", "Tomás Rivera"],
    amount: 150,
    message: "Spot award for steering us through the SOC 2 audit.",
  },
];

/** About three months of weekdays; gives fall on weekdays before today, so none lies in the future. */
const HISTORY_WEEKDAYS = 64;
/** No calendar month has more weekdays, so spending within any such window stays within a month's allowance. */
const WEEKDAYS_PER_MONTH_MAX = 23;
const AMOUNTS = [5, 5, 10, 10, 10, 10, 15, 15, 20, 20, 25, 30, 50];
/** Nobody spends more than this share of a month's allowance, so every demo user still has some to give. */
const SPEND_SHARE = 0.75;

function emailFor(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, ".")}@${EMAIL_DOMAIN}`;
}

/** mulberry32: tiny, fast and good enough to make varied demo data that is the same on every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  /** An index, chosen with probability proportional to its weight. */
  const weighted = (weights: readonly number[]): number => {
    let remaining = next() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [index, weight] of weights.entries()) {
      remaining -= weight;
      if (remaining < 0) return index;
    }
    return weights.length - 1;
  };
  return { next, int, pick, weighted, chance: (p: number): boolean => next() < p };
}

interface OrgRules {
  defaultMonthlyAllowance: number;
  managerAllowancePerReport: number;
  minPointsPerRecognition: number;
  maxPointsPerRecognition: number;
  valuesMode: "off" | "optional" | "required";
}

interface PlannedGive {
  /** Weekdays before the seed's day: 1 is the last weekday before today. */
  daysAgo: number;
  /** Minutes after 9:00 local time. */
  minute: number;
  giver: number;
  recipients: number[];
  amount: number;
  values: ValueName[];
  message: string;
  source: "slack" | "web";
}

function firstNames(indexes: number[]): string {
  const names = indexes.map((index) => STAFF[index]?.name.split(" ")[0] ?? "");
  return names.length === 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function pickValues(random: ReturnType<typeof prng>, mode: OrgRules["valuesMode"]): ValueName[] {
  if (mode === "off" || (mode === "optional" && random.chance(0.15))) return [];
  const first = random.pick(VALUES).name;
  const second = random.pick(VALUES).name;
  return random.chance(0.15) && second !== first ? [first, second] : [first];
}

/**
 * The recognition history, from the earliest weekday to the latest. Depends only on the PRNG and the
 * org's rules, never on the clock, so a second run plans exactly the same requests for the same keys.
 */
function planGives(rules: OrgRules): PlannedGive[] {
  const random = prng(20_260_101);
  const reports = STAFF.map((member) => STAFF.filter((other) => other.manager === member.name).length);
  const budget = STAFF.map((member, index) =>
    Math.floor(
      SPEND_SHARE *
        ((member.allowance ?? rules.defaultMonthlyAllowance) +
          rules.managerAllowancePerReport * (reports[index] ?? 0)),
    ),
  );
  // Some people give far more often than others; managers a little more again.
  const activity = STAFF.map(
    (member) => (0.3 + random.next() * 1.7) * (member.roles?.includes("manager") ? 1.5 : 1),
  );
  const spent: { daysAgo: number; points: number }[][] = STAFF.map(() => []);
  const present = (index: number, daysAgo: number) => (STAFF[index]?.leftDaysAgo ?? 0) < daysAgo;
  const spentInWindow = (giver: number, daysAgo: number) =>
    (spent[giver] ?? [])
      .filter((entry) => entry.daysAgo < daysAgo + WEEKDAYS_PER_MONTH_MAX)
      .reduce((sum, entry) => sum + entry.points, 0);
  const clampAmount = (amount: number) =>
    Math.min(rules.maxPointsPerRecognition, Math.max(rules.minPointsPerRecognition, amount));

  const pickGiver = (daysAgo: number): number => {
    const weights = STAFF.map((_, index) =>
      present(index, daysAgo) && (budget[index] ?? 0) > 0 ? (activity[index] ?? 0) : 0,
    );
    return random.weighted(weights);
  };

  const pickRecipients = (giver: number, daysAgo: number): number[] => {
    const count = random.chance(0.72) ? 1 : random.chance(0.7) ? 2 : 3;
    const candidates = STAFF.map((_, index) => index).filter(
      (index) => index !== giver && present(index, daysAgo),
    );
    const sameTeam = candidates.filter((index) => STAFF[index]?.department === STAFF[giver]?.department);
    const pool = random.chance(0.65) && sameTeam.length >= count ? sameTeam : candidates;
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(random.pick(pool));
    return [...chosen].sort((a, b) => a - b);
  };

  const gives: PlannedGive[] = [];
  for (let daysAgo = HISTORY_WEEKDAYS; daysAgo >= 1; daysAgo--) {
    const minutes = Array.from({ length: random.int(3, 7) }, () => random.int(0, 9 * 60)).sort(
      (a, b) => a - b,
    );
    for (const minute of minutes) {
      // A few tries: the first giver chosen may have spent this month's allowance already.
      for (let attempt = 0; attempt < 5; attempt++) {
        const giver = pickGiver(daysAgo);
        const recipients = pickRecipients(giver, daysAgo);
        const left = (budget[giver] ?? 0) - spentInWindow(giver, daysAgo);
        const affordable = AMOUNTS.filter((amount) => amount * recipients.length <= left);
        if (affordable.length === 0) continue;
        const amount = clampAmount(random.pick(affordable));
        if (amount * recipients.length > left) continue;
        const values = pickValues(random, rules.valuesMode);
        const department = STAFF[recipients[0] ?? 0]?.department ?? "Operations";
        const templates = MESSAGES[values[0] ?? "none"].filter(
          (template) => !template.departments || template.departments.includes(department),
        );
        gives.push({
          daysAgo,
          minute,
          giver,
          recipients,
          amount,
          values,
          message: random.pick(templates).text.replace("{names}", firstNames(recipients)),
          source: random.chance(0.7) ? "slack" : "web",
        });
        spent[giver]?.push({ daysAgo, points: amount * recipients.length });
        break;
      }
    }
  }
  return gives;
}

/** Local calendar dates of the weekdays before the clock's day, index 1 being the most recent. */
function weekdaysBefore(now: Date, timeZone: string, count: number): LocalDate[] {
  const today = localDate(now, timeZone);
  const days: LocalDate[] = [today];
  for (let back = 1; days.length <= count; back++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      days.push({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() });
    }
  }
  return days;
}

type DemoState =
  | { kind: "absent" }
  /** An org with the demo's slug that this seed did not create. */
  | { kind: "foreign" }
  | { kind: "demo"; orgId: string; adminId: string; complete: boolean };

async function demoState(db: Database): Promise<DemoState> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, SLUG));
  if (!org) return { kind: "absent" };
  const [admin] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, org.id), eq(people.email, emailFor(ADMIN))));
  if (!admin) return { kind: "foreign" };
  const [marker] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, SEEDED_ACTION)));
  return { kind: "demo", orgId: org.id, adminId: admin.id, complete: marker !== undefined };
}

/** Whether `npm start` should seed: the database has no organization yet, or a demo seed was interrupted. */
export async function needsDemoSeed(db: Database): Promise<boolean> {
  const [any] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (!any) return true;
  const state = await demoState(db);
  return state.kind === "demo" && !state.complete;
}

export interface DemoSeedResult {
  orgId: string;
  slug: string;
  /** Sign in as this person to see the demo as an admin. */
  adminEmail: string;
  people: number;
  recognitions: number;
  /** True when the demo was already complete and nothing was written. */
  alreadySeeded: boolean;
}

async function insertPeople(db: Database, orgId: string): Promise<Map<string, string>> {
  const attributes = (member: StaffMember, index: number) => ({
    department: member.department,
    costCenter: COST_CENTERS[member.department],
    roles: member.roles ?? ["employee"],
    externalEmployeeId: `E${String(1001 + index)}`,
  });
  await db
    .insert(people)
    .values([
      ...STAFF.map((member, index) => ({
        orgId,
        name: member.name,
        email: emailFor(member.name),
        ...attributes(member, index),
      })),
      { orgId, name: BOT.name, email: BOT.email, isBot: true },
    ])
    .onConflictDoNothing();
  // The admin already exists, made by createOrganization with only a name and an email.
  const admin = STAFF[ADMIN_INDEX];
  if (admin) {
    await db
      .update(people)
      .set(attributes(admin, ADMIN_INDEX))
      .where(and(eq(people.orgId, orgId), eq(people.email, emailFor(ADMIN))));
  }
  const rows = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(eq(people.orgId, orgId));
  const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
  const idOf = (name: string) => {
    const id = idByEmail.get(emailFor(name));
    if (!id) throw new Error(`demo person ${name} is missing`);
    return id;
  };
  for (const manager of new Set(STAFF.flatMap((member) => (member.manager ? [member.manager] : [])))) {
    const reports = STAFF.filter((member) => member.manager === manager).map((member) =>
      emailFor(member.name),
    );
    await db
      .update(people)
      .set({ managerId: idOf(manager) })
      .where(and(eq(people.orgId, orgId), inArray(people.email, reports)));
  }
  return new Map(STAFF.map((member) => [member.name, idOf(member.name)]));
}

/**
 * Creates (or finishes creating) the Acme demo org. Refuses, with a conflict, when an org called
 * `acme` exists that is not the demo; does nothing when the demo is already complete.
 */
export async function seedDemo(db: Database, clock: Clock = systemClock): Promise<DemoSeedResult> {
  const state = await demoState(db);
  if (state.kind === "foreign") {
    const message = `An organization with the slug "${SLUG}" already exists and is not the demo.`;
    throw new DomainError("conflict", message, { field: "slug" });
  }
  const { orgId, adminId } =
    state.kind === "demo"
      ? state
      : await createOrganization(db, OPERATOR, {
          name: "Acme",
          slug: SLUG,
          timeZone: "America/New_York",
          currency: "USD",
          admin: { name: ADMIN, email: emailFor(ADMIN) },
        });
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw new Error("the demo org vanished");
  const plan = planGives(org);
  const summary = {
    orgId,
    slug: SLUG,
    adminEmail: emailFor(ADMIN),
    people: STAFF.length + 1,
    recognitions: plan.length + SPOT_AWARDS.length,
  };
  if (state.kind === "demo" && state.complete) return { ...summary, alreadySeeded: true };

  const ids = await insertPeople(db, orgId);
  const idOf = (name: string) => ids.get(name) ?? "";
  const idAt = (index: number) => idOf(STAFF[index]?.name ?? "");
  const actorAt = (index: number): Actor => ({
    kind: "person",
    orgId,
    personId: idAt(index),
    roles: STAFF[index]?.roles ?? ["employee"],
  });
  await db
    .insert(companyValues)
    .values(VALUES.map((value) => ({ orgId, ...value })))
    .onConflictDoNothing();
  await db
    .insert(allowanceOverrides)
    .values(
      STAFF.flatMap((member) =>
        member.allowance === undefined
          ? []
          : [{ orgId, personId: idOf(member.name), monthlyAmount: member.allowance, setBy: adminId }],
      ),
    )
    .onConflictDoNothing();

  const weekdays = weekdaysBefore(clock(), org.timeZone, HISTORY_WEEKDAYS);
  const at = (daysAgo: number, minutesAfterNine: number): Date => {
    const day = weekdays[daysAgo];
    if (!day) throw new Error(`no weekday ${daysAgo} days ago`);
    return new Date(startOfLocalDay(day, org.timeZone).getTime() + (9 * 60 + minutesAfterNine) * 60_000);
  };
  for (const [n, give] of plan.entries()) {
    await givePoints(
      db,
      actorAt(give.giver),
      {
        recipientIds: give.recipients.map(idAt),
        amount: give.amount,
        message: give.message,
        values: give.values,
        source: give.source,
        idempotencyKey: `seed:${n}`,
      },
      () => at(give.daysAgo, give.minute),
    );
  }
  for (const [n, award] of SPOT_AWARDS.entries()) {
    await grantPoints(
      db,
      actorAt(ADMIN_INDEX),
      {
        recipientIds: award.to.map(idOf),
        amount: award.amount,
        message: award.message,
        idempotencyKey: `seed:grant:${n}`,
      },
      () => at(award.daysAgo, 7 * 60),
    );
  }
  for (const member of STAFF) {
    if (member.leftDaysAgo === undefined) continue;
    await db
      .update(people)
      .set({ active: false, deactivatedAt: at(member.leftDaysAgo, 8 * 60) })
      .where(and(eq(people.orgId, orgId), eq(people.id, idOf(member.name))));
  }
  await recordAudit(db, OPERATOR, {
    orgId,
    action: SEEDED_ACTION,
    targetType: "organization",
    targetId: orgId,
    after: { people: summary.people, recognitions: summary.recognitions },
  });
  return { ...summary, alreadySeeded: false };
}
