import type { Metadata } from "next";
import type { ComponentType, ReactNode } from "react";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { buttonClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { Pagination } from "@/app/(app)/_recognitions/pagination";
import { firstParam, type SearchParams } from "@/app/(app)/_recognitions/search-params";
import { listRedemptions, type RedemptionPage } from "@/core/rewards/list-redemptions";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { ActionButton } from "../../_components/action-button";
import { OutcomeAnnouncer } from "../../_components/outcome-announcer";
import { RewardsTabs } from "../_components/rewards-tabs";
import { approve, decline } from "../_redemptions/actions";
import { DecisionDialog } from "../_redemptions/decision-dialog";
import { named, reasonField } from "../_redemptions/dialog-fields";
import { RedemptionSummary } from "../_redemptions/redemption-summary";
import { SettleOrRelease } from "../_redemptions/settle-or-release";

export const metadata: Metadata = { title: "Approvals · Admin · Plaudit" };

const PATH = "/admin/rewards/approvals";
const PAGE_SIZE = 25;

type Queue = "approvals" | "fulfilment";

function ApprovalActions({ redemption }: { redemption: RedemptionView }) {
  const { what, worth } = named(redemption);
  return (
    <>
      <ActionButton
        action={approve}
        fields={{ redemptionId: redemption.id }}
        label="Approve"
        accessibleLabel={`Approve ${what}`}
        pendingLabel={redemption.kind === "custom" ? "Approving…" : "Approving and ordering…"}
        className={buttonClass}
      />
      <DecisionDialog
        action={decline}
        redemptionId={redemption.id}
        label="Decline"
        accessibleLabel={`Decline ${what}`}
        title={`Decline ${what}?`}
        confirmLabel="Decline"
        pendingLabel="Declining…"
        trigger="danger"
        confirm="danger"
        field={reasonField(redemption, "Why?")}
      >
        <p>
          The {worth} held for it go back to {redemption.person.name}.
        </p>
      </DecisionDialog>
    </>
  );
}

function HandoverActions({ redemption }: { redemption: RedemptionView }) {
  const { worth } = named(redemption);
  const who = redemption.person.name;
  return (
    <SettleOrRelease
      redemption={redemption}
      fulfil={{
        trigger: "primary",
        says: (
          <p>
            Say it once {who} has it: the {worth} are spent.
          </p>
        ),
      }}
      fail={{
        label: "Can't fulfil",
        reasonLabel: "Why?",
        says: (
          <p>
            The {worth} held for it go back to {who}.
          </p>
        ),
      }}
    />
  );
}

/** One of the page's two queues, paged on its own: its cursor travels beside the other's. */
function QueuePanel({
  queue,
  page,
  cursors,
  title,
  description,
  empty,
  Actions,
  timeZone,
}: {
  queue: Queue;
  page: RedemptionPage;
  cursors: Record<Queue, string | undefined>;
  title: string;
  description: string;
  empty: { title: string; text: ReactNode };
  Actions: ComponentType<{ redemption: RedemptionView }>;
  timeZone: string;
}) {
  return (
    <Panel title={title} description={description}>
      {page.items.length === 0 ? (
        <EmptyState title={empty.title}>{empty.text}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200">
          {page.items.map((redemption) => (
            <RedemptionSummary key={redemption.id} redemption={redemption} timeZone={timeZone}>
              <Actions redemption={redemption} />
            </RedemptionSummary>
          ))}
        </ul>
      )}
      <Pagination
        path={PATH}
        params={{ ...cursors, [queue]: undefined }}
        cursor={cursors[queue]}
        nextCursor={page.nextCursor}
        cursorName={queue}
        noMore="No older ones."
      />
    </Panel>
  );
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const params = await searchParams;
  const cursors = {
    approvals: firstParam(params, "approvals"),
    fulfilment: firstParam(params, "fulfilment"),
  };
  const page = (queue: Queue) =>
    listRedemptions(db, actor, { queue, cursor: cursors[queue], limit: PAGE_SIZE });
  const [approvals, fulfilment] = await guarded(Promise.all([page("approvals"), page("fulfilment")]));
  return (
    <>
      <RewardsTabs current="approvals" />
      <PageHeader
        title="Approvals"
        description="Redemptions waiting for an admin, newest first: approve or decline them, then hand over the custom rewards people redeemed. Points stay held until you decide."
      />
      <OutcomeAnnouncer>
        <div className="space-y-6">
          <QueuePanel
            queue="approvals"
            page={approvals}
            cursors={cursors}
            title="Waiting for approval"
            description="Approving a gift card or donation orders it from the provider at once."
            empty={{
              title: "Nothing waits for approval.",
              text: "Redemptions over the approval threshold, and custom rewards that ask for it, wait here.",
            }}
            Actions={ApprovalActions}
            timeZone={org.timeZone}
          />
          <QueuePanel
            queue="fulfilment"
            page={fulfilment}
            cursors={cursors}
            title="To hand over"
            description="Custom rewards people redeemed: mark each fulfilled once they have it."
            empty={{ title: "Nothing to hand over.", text: "Custom rewards people redeem wait here." }}
            Actions={HandoverActions}
            timeZone={org.timeZone}
          />
        </div>
      </OutcomeAnnouncer>
    </>
  );
}
