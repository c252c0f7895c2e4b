import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { buttonClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { Pagination } from "@/app/(app)/_recognitions/pagination";
import { firstParam, type SearchParams } from "@/app/(app)/_recognitions/search-params";
import { listRedemptions } from "@/core/rewards/list-redemptions";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatPointsWithValue } from "@/core/shared/money";
import { ActionButton } from "../../_components/action-button";
import { OutcomeAnnouncer } from "../../_components/outcome-announcer";
import { RewardsTabs } from "../_components/rewards-tabs";
import { approve, decline, markFailed, markFulfilled } from "../_redemptions/actions";
import { DecisionDialog } from "../_redemptions/decision-dialog";
import { RedemptionSummary } from "../_redemptions/redemption-summary";

export const metadata: Metadata = { title: "Approvals · Admin · Plaudit" };

const PATH = "/admin/rewards/approvals";
const PAGE_SIZE = 25;

function ApprovalActions({ redemption }: { redemption: RedemptionView }) {
  const what = `${redemption.person.name}'s ${redemption.rewardName}`;
  const worth = formatPointsWithValue(redemption.points, redemption.pointValue);
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
        field={{
          name: "reason",
          label: "Why?",
          kind: "text",
          required: true,
          hint: `${redemption.person.name} sees this.`,
        }}
      >
        <p>
          The {worth} held for it go back to {redemption.person.name}.
        </p>
      </DecisionDialog>
    </>
  );
}

function HandoverActions({ redemption }: { redemption: RedemptionView }) {
  const what = `${redemption.person.name}'s ${redemption.rewardName}`;
  const worth = formatPointsWithValue(redemption.points, redemption.pointValue);
  return (
    <>
      <DecisionDialog
        action={markFulfilled}
        redemptionId={redemption.id}
        label="Mark fulfilled"
        accessibleLabel={`Mark ${what} fulfilled`}
        title={`Mark ${what} fulfilled?`}
        confirmLabel="Mark fulfilled"
        pendingLabel="Saving…"
        trigger="primary"
        field={{
          name: "note",
          label: "Note (optional)",
          kind: "text",
          required: false,
          hint: "Kept in the audit log.",
        }}
      >
        <p>
          Say it once {redemption.person.name} has it: the {worth} are spent.
        </p>
      </DecisionDialog>
      <DecisionDialog
        action={markFailed}
        redemptionId={redemption.id}
        label="Can't fulfil"
        accessibleLabel={`Can't fulfil ${what}`}
        title={`Can't fulfil ${what}?`}
        confirmLabel="Give the points back"
        pendingLabel="Saving…"
        trigger="danger"
        confirm="danger"
        field={{
          name: "reason",
          label: "Why?",
          kind: "text",
          required: true,
          hint: `${redemption.person.name} sees this.`,
        }}
      >
        <p>
          The {worth} held for it go back to {redemption.person.name}.
        </p>
      </DecisionDialog>
    </>
  );
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const params = await searchParams;
  const cursors = {
    approvals: firstParam(params, "approvals"),
    fulfilment: firstParam(params, "fulfilment"),
  };
  const [approvals, fulfilment] = await guarded(
    Promise.all([
      listRedemptions(db, actor, { queue: "approvals", cursor: cursors.approvals, limit: PAGE_SIZE }),
      listRedemptions(db, actor, { queue: "fulfilment", cursor: cursors.fulfilment, limit: PAGE_SIZE }),
    ]),
  );
  return (
    <>
      <RewardsTabs current="approvals" />
      <PageHeader
        title="Approvals"
        description="Redemptions waiting for an admin, newest first: approve or decline them, then hand over the custom rewards people redeemed. Points stay held until you decide."
      />
      <OutcomeAnnouncer>
        <div className="space-y-6">
          <Panel
            title="Waiting for approval"
            description="Approving a gift card or donation orders it from the provider at once."
          >
            {approvals.items.length === 0 ? (
              <EmptyState title="Nothing waits for approval.">
                Redemptions over the approval threshold, and custom rewards that ask for it, wait here.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-stone-200">
                {approvals.items.map((redemption) => (
                  <RedemptionSummary key={redemption.id} redemption={redemption} timeZone={org.timeZone}>
                    <ApprovalActions redemption={redemption} />
                  </RedemptionSummary>
                ))}
              </ul>
            )}
            <Pagination
              path={PATH}
              params={{ fulfilment: cursors.fulfilment }}
              cursor={cursors.approvals}
              nextCursor={approvals.nextCursor}
              cursorName="approvals"
              noMore="No older ones."
            />
          </Panel>
          <Panel
            title="To hand over"
            description="Custom rewards people redeemed: mark each fulfilled once they have it."
          >
            {fulfilment.items.length === 0 ? (
              <EmptyState title="Nothing to hand over.">Custom rewards people redeem wait here.</EmptyState>
            ) : (
              <ul className="divide-y divide-stone-200">
                {fulfilment.items.map((redemption) => (
                  <RedemptionSummary key={redemption.id} redemption={redemption} timeZone={org.timeZone}>
                    <HandoverActions redemption={redemption} />
                  </RedemptionSummary>
                ))}
              </ul>
            )}
            <Pagination
              path={PATH}
              params={{ approvals: cursors.approvals }}
              cursor={cursors.fulfilment}
              nextCursor={fulfilment.nextCursor}
              cursorName="fulfilment"
              noMore="No older ones."
            />
          </Panel>
        </div>
      </OutcomeAnnouncer>
    </>
  );
}
