import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { Points } from "@/app/_components/points";
import type { DonationItem, FeedPage, RecognitionItem } from "@/core/feed/recognition-list";
import type { LevelBadge as LevelBadgeFacts } from "@/core/levels/current-levels";
import { formatMoney, formatPoints } from "@/core/shared/money";
import { CampaignChip } from "../_campaigns/campaign-facts";
import { AddOnForm } from "./add-on-form";
import { Avatar, CompanyAwardBadge, DonationBadge } from "./avatar";
import { CommentsSection } from "./comments-section";
import { LevelBadge } from "./level-badge";
import { PersonLink } from "./person-link";
import { ReactionBar } from "./reaction-bar";
import { hrefWith } from "./search-params";
import { When } from "./when";

const SOURCE_LABELS: Record<RecognitionItem["source"], string | null> = {
  slack: "via Slack",
  web: "via web",
  api: "via API",
  system: null,
};

/** What goes before the item at `index` so that a list reads "Ana", "Ana and Ben", "Ana, Ben and Cy". */
function separatorBefore(index: number, length: number): string {
  if (index === 0) return "";
  return index === length - 1 ? " and " : ", ";
}

/** What each recipient got: the points given, and a campaign's bonus on top. */
function receivedEach(item: RecognitionItem): number {
  return item.amountPerRecipient + (item.campaign?.bonusPerRecipient ?? 0);
}

/**
 * The points a recognition moved: as the feed shows them, or, on someone's history, as they moved for
 * that person: "+20 pts" received, "−40 pts" given (the whole give).
 */
function Amount({
  item,
  page,
  viewpoint,
}: { item: RecognitionItem } & Pick<ListContext, "page" | "viewpoint">) {
  const received = viewpoint !== undefined && item.recipients.some((recipient) => recipient.id === viewpoint);
  const given = viewpoint !== undefined && item.giver?.id === viewpoint;
  if (received || given) {
    return (
      <p className={`text-sm font-medium ${received ? "text-emerald-800" : "text-stone-700"}`}>
        <span className="sr-only">{received ? "Received" : "Gave"} </span>
        <span aria-hidden="true">{received ? "+" : "−"}</span>
        <Points points={received ? receivedEach(item) : item.totalAmount} value={page.pointValue} />
      </p>
    );
  }
  return (
    <p className="text-sm text-amber-800">
      <Points points={receivedEach(item)} value={page.pointValue} />
      {item.recipients.length > 1 ? <span className="text-stone-500"> each</span> : null}
    </p>
  );
}

/** A level badge after a name in a line of text, or nothing for someone without a level. */
function LevelBeside({ level }: { level: LevelBadgeFacts | null }) {
  return level ? (
    <>
      {" "}
      <LevelBadge level={level} />
    </>
  ) : null;
}

function RecognitionEntry({
  item,
  page,
  timeZone,
  now,
  viewpoint,
  interactive,
  addOn,
}: { item: RecognitionItem } & ListContext) {
  // An add-on's reactions and comments are its recognition's, shown where that recognition is.
  const social = interactive === true && item.addedTo === null;
  const canAddOn =
    addOn !== undefined &&
    item.addedTo === null &&
    !item.recipients.some((recipient) => recipient.id === addOn.viewerId);
  const source = SOURCE_LABELS[item.source];
  const recipients = item.recipients.map((recipient, index) => (
    <Fragment key={recipient.id}>
      {separatorBefore(index, item.recipients.length)}
      <PersonLink id={recipient.id} name={recipient.name} />
      <LevelBeside level={recipient.level} />
    </Fragment>
  ));
  return (
    <li className="flex gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:gap-4 sm:p-5">
      {item.giver ? <Avatar id={item.giver.id} name={item.giver.name} /> : <CompanyAwardBadge />}
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="min-w-0 text-sm leading-6 text-stone-700">
            {item.giver ? (
              <>
                <PersonLink id={item.giver.id} name={item.giver.name} />
                <LevelBeside level={item.giver.level} />
              </>
            ) : (
              <span className="font-semibold text-amber-800">Company award</span>
            )}
            <span aria-hidden="true" className="px-1.5 text-stone-500">
              →
            </span>
            <span className="sr-only"> {item.giver ? "thanked" : "to"} </span>
            {recipients}
          </p>
          <Amount item={item} page={page} viewpoint={viewpoint} />
        </div>
        <p className="mt-1.5 whitespace-pre-line break-words text-stone-900">{item.message}</p>
        <div className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-2 text-xs">
          {item.values.length > 0 ? (
            <ul aria-label="Company values" className="flex flex-wrap gap-1.5">
              {item.values.map((value) => (
                <li key={value}>
                  <Link
                    href={hrefWith("/", { value })}
                    className="inline-block rounded-full bg-amber-50 px-2.5 py-0.5 font-medium text-amber-800 ring-1 ring-amber-200 ring-inset hover:bg-amber-100 outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
                  >
                    #{value}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {item.campaign ? (
            <p className="flex flex-wrap items-center gap-1.5">
              <CampaignChip campaign={item.campaign} />
              <span className="text-stone-600">
                +{formatPoints(item.campaign.bonusPerRecipient)} bonus
                {item.recipients.length > 1 ? " each" : ""} from the company
              </span>
            </p>
          ) : null}
          <p className="ml-auto text-stone-500">
            <When iso={item.createdAt} timeZone={timeZone} now={now} />
            {source ? <span className="text-stone-500"> · {source}</span> : null}
            {item.onlyRecipients ? <span className="text-stone-500"> · Only you see this</span> : null}
          </p>
          {social ? (
            <div className="w-full">
              <ReactionBar recognitionId={item.id} initial={item.reactions} />
            </div>
          ) : null}
          {item.addOns ? (
            <p className="font-medium text-emerald-800">
              +{formatPoints(item.addOns.points)} from {item.addOns.people}{" "}
              {item.addOns.people === 1 ? "person" : "people"}
            </p>
          ) : null}
          {social ? <CommentsSection recognitionId={item.id} count={item.commentCount} /> : null}
          {canAddOn ? (
            <div className="w-full">
              <AddOnForm recognitionId={item.id} min={addOn.min} max={addOn.max} />
            </div>
          ) : null}
          {item.earnedAfter === undefined ? null : (
            <p className="w-full text-right text-stone-600">
              Earned balance after: <Points points={item.earnedAfter} value={page.pointValue} />
            </p>
          )}
        </div>
      </div>
    </li>
  );
}

/** "Ana donated $25.00 to Doctors Without Borders": no points, the money the charity received. */
function DonationEntry({ item, timeZone, now }: { item: DonationItem } & ListContext) {
  return (
    <li className="flex items-center gap-3 rounded-xl border border-rose-100 bg-rose-50/60 p-4 sm:gap-4 sm:px-5">
      <DonationBadge />
      <div className="flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="min-w-0 text-sm leading-6 text-stone-700">
          <PersonLink id={item.donor.id} name={item.donor.name} /> donated{" "}
          <strong className="font-semibold text-stone-900">
            {formatMoney(item.amountMinor, item.currency)}
          </strong>{" "}
          to <strong className="font-semibold text-stone-900">{item.charity}</strong>
        </p>
        <p className="text-xs text-stone-500">
          <When iso={item.createdAt} timeZone={timeZone} now={now} />
        </p>
      </div>
    </li>
  );
}

interface ListContext {
  page: FeedPage;
  /** Offers reactions and comments on each recognition. */
  interactive?: boolean;
  /** Who is looking, and how many points a give may carry: offers "+ Add points" on others' recognitions. */
  addOn?: { viewerId: string; min: number; max: number };
  /** Whose history this is: amounts show as they moved for this person. */
  viewpoint?: string;
  /** The org's time zone, for dates. */
  timeZone: string;
  now: Date;
}

/**
 * A page of the feed (recognitions and shared donations) as the feed, profiles and history show it, or
 * `empty` when there is nothing.
 */
export function RecognitionList({
  label,
  empty,
  ...context
}: ListContext & { label: string; empty: ReactNode }) {
  if (context.page.items.length === 0) return <>{empty}</>;
  return (
    <ul aria-label={label} className="space-y-3">
      {context.page.items.map((item) =>
        item.kind === "donation" ? (
          <DonationEntry key={`donation:${item.id}`} item={item} {...context} />
        ) : (
          <RecognitionEntry key={item.id} item={item} {...context} />
        ),
      )}
    </ul>
  );
}
