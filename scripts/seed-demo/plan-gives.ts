import type { OrgSettings } from "../../core/org/org-settings";
import { COMPANY_VALUES, type ValueName } from "./company-values";
import {
  AMOUNTS,
  GIVING_WINDOW_MINUTES,
  HISTORY_SEED,
  HISTORY_WEEKDAYS,
  SPEND_SHARE,
  WEEKDAYS_PER_MONTH_MAX,
} from "./history-shape";
import { MESSAGES } from "./messages";
import { STAFF } from "./org-chart";
import { prng, type Random } from "./prng";

/** The org's settings that decide what the history may hold. */
export type GivingRules = Pick<
  OrgSettings,
  | "defaultMonthlyAllowance"
  | "managerAllowancePerReport"
  | "minPointsPerRecognition"
  | "maxPointsPerRecognition"
  | "valuesMode"
>;

export interface PlannedGive {
  /** Weekdays before the seed's day: 1 is the last weekday before today. */
  daysAgo: number;
  /** Minutes after 9:00 local time. */
  minute: number;
  /** Indexes into STAFF. */
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

function pickValues(random: Random, mode: GivingRules["valuesMode"]): ValueName[] {
  if (mode === "off" || (mode === "optional" && random.chance(0.15))) return [];
  const first = random.pick(COMPANY_VALUES).name;
  const second = random.pick(COMPANY_VALUES).name;
  return random.chance(0.15) && second !== first ? [first, second] : [first];
}

/**
 * The recognition history, from the earliest weekday to the latest. Depends only on the PRNG and the
 * org's rules, never on the clock, so a second run plans exactly the same requests for the same keys.
 */
export function planGives(rules: GivingRules): PlannedGive[] {
  const random = prng(HISTORY_SEED);
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
    const minutes = Array.from({ length: random.int(3, 7) }, () => random.int(0, GIVING_WINDOW_MINUTES)).sort(
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
