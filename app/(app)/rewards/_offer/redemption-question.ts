import type { CatalogItem } from "@/core/rewards/catalog";
import { formatMoney, formatPoints, formatPointsWithValue, type PointValue } from "@/core/shared/money";

/**
 * "a $25.00" or "an $8.00", as the amount is read aloud: "an" before eight, eleven and eighteen, and
 * before any amount whose first group of thousands begins with eight (80, 800, 8,000, 850,000).
 */
export function withArticle(money: string): string {
  const leading = /\d+/.exec(money)?.[0] ?? "";
  const spokenWithVowel = leading.startsWith("8") || leading === "11" || leading === "18";
  return `${spokenWithVowel ? "an" : "a"} ${money}`;
}

export interface RedemptionChoice {
  item: Pick<CatalogItem, "kind" | "name">;
  points: number;
  /** The gift card's or donation's value; null for a company reward, which has none. */
  faceValueMinor: number | null;
  pointValue: PointValue;
  deliveryMethod: "email" | "link";
  email: string;
}

/** What the confirmation asks: "Redeem 250 pts for a $25.00 Amazon.com gift card, sent to ana@acme.example?" */
export function redemptionQuestion(choice: RedemptionChoice): string {
  const { item, points, pointValue } = choice;
  if (item.kind === "custom" || choice.faceValueMinor === null) {
    return `Redeem ${formatPointsWithValue(points, pointValue)} for “${item.name}”?`;
  }
  const value = withArticle(formatMoney(choice.faceValueMinor, pointValue.currency));
  if (item.kind === "charity") return `Redeem ${formatPoints(points)} for ${value} donation to ${item.name}?`;
  const delivery =
    choice.deliveryMethod === "email" ? `, sent to ${choice.email}` : ", as a link to open here";
  return `Redeem ${formatPoints(points)} for ${value} ${item.name} gift card${delivery}?`;
}
