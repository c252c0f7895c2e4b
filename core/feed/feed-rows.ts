import type { LevelBadge } from "../levels/current-levels";
import { REACTIONS, type ReactionCount } from "./reactions";
import type { DonationItem, FeedItem, RecognitionItem } from "./recognition-list";

type RecognitionRow = {
  kind: "recognition";
  id: string;
  created_at: string;
  message: string;
  source: RecognitionItem["source"];
  giver_id: string | null;
  giver_name: string | null;
  recipients: { id: string; name: string; amount: number }[] | null;
  values: string[];
  amount_per_recipient: number;
  total_amount: number;
  add_ons: { points: number; people: number } | null;
  add_on_to: string | null;
  reactions: ReactionCount[] | null;
  comment_count: number;
  campaign: RecognitionItem["campaign"];
  in_feed: boolean;
};

type DonationRow = {
  kind: "donation";
  id: string;
  created_at: string;
  donation: Pick<DonationItem, "donor" | "charity" | "amountMinor" | "currency">;
};

/** A row as the page shows it, with the level of each person it names (from `peopleOnPage`). */
export function feedItem(row: RecognitionRow | DonationRow, levels: Map<string, LevelBadge>): FeedItem {
  if (row.kind === "donation")
    return { kind: "donation", id: row.id, createdAt: row.created_at, ...row.donation };
  const levelOf = (personId: string) => levels.get(personId) ?? null;
  return {
    kind: "recognition",
    id: row.id,
    createdAt: row.created_at,
    message: row.message,
    source: row.source,
    giver:
      row.giver_id && row.giver_name
        ? { id: row.giver_id, name: row.giver_name, level: levelOf(row.giver_id) }
        : null,
    recipients: (row.recipients ?? []).map((recipient) => ({ ...recipient, level: levelOf(recipient.id) })),
    values: row.values,
    amountPerRecipient: row.amount_per_recipient,
    totalAmount: row.total_amount,
    addOns: row.add_ons,
    addedTo: row.add_on_to,
    reactions: REACTIONS.flatMap(
      (reaction) => row.reactions?.filter((count) => count.reaction === reaction) ?? [],
    ),
    commentCount: row.comment_count,
    campaign: row.campaign,
    onlyRecipients: !row.in_feed,
  };
}

/** A row of a feed page's statement: a recognition, or a shared donation. */
export type FeedRow = RecognitionRow | DonationRow;

/** Everyone a page names beside a recognition, whose level badges it shows. */
export function peopleOnPage(rows: readonly (RecognitionRow | DonationRow)[]): string[] {
  return rows.flatMap((row) =>
    row.kind === "donation"
      ? []
      : [...(row.giver_id ? [row.giver_id] : []), ...(row.recipients ?? []).map((recipient) => recipient.id)],
  );
}
