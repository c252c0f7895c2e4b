import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { buttonClass, linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { Pagination } from "@/app/(app)/_recognitions/pagination";
import { firstParam, type SearchParams } from "@/app/(app)/_recognitions/search-params";
import { listRedemptions } from "@/core/rewards/list-redemptions";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatMoney } from "@/core/shared/money";
import { ActionButton } from "../../_components/action-button";
import { formatInZone } from "../../_components/format-time";
import { OutcomeAnnouncer } from "../../_components/outcome-announcer";
import { STATUS_TEXT } from "../_components/redemption-text";
import { RewardsTabs } from "../_components/rewards-tabs";
import { cancel, resend, retry } from "../_redemptions/actions";
import { DecisionDialog } from "../_redemptions/decision-dialog";
import { named } from "../_redemptions/dialog-fields";
import { RedemptionSummary } from "../_redemptions/redemption-summary";
import { SettleOrRelease } from "../_redemptions/settle-or-release";

export const metadata: Metadata = { title: "Needs attention · Admin · Plaudit" };

const PAGE_SIZE = 25;

/** What is wrong, in the provider's words too, and where the automatic retries stand. */
function Trouble({ redemption, timeZone }: { redemption: RedemptionView; timeZone: string }) {
  const handling = redemption.handling;
  if (!handling) return null;
  const facts: [string, string][] = [];
  if (handling.lastError) facts.push(["The provider said", handling.lastError]);
  if (handling.attempts > 0) facts.push(["Attempts", String(handling.attempts)]);
  if (redemption.status === "submitted") {
    facts.push([
      "Next try",
      handling.nextAttemptAt ? formatInZone(handling.nextAttemptAt, timeZone) : "None scheduled",
    ]);
  }
  if (handling.providerOrderId) {
    const status = handling.providerStatus ? ` (${handling.providerStatus})` : "";
    facts.push(["Provider order", `${handling.providerOrderId}${status}`]);
  }
  if (redemption.deliveryStatus) {
    facts.push([
      "Delivery",
      `${redemption.deliveryStatus} · ${redemption.recipientEmail ?? handling.personEmail}`,
    ]);
  }
  return (
    <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">
        {handling.attentionReason ?? STATUS_TEXT[redemption.status]}
      </p>
      {facts.length > 0 ? (
        <dl className="grid gap-x-3 gap-y-1 text-stone-700 sm:grid-cols-[auto_minmax(0,1fr)]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-stone-500">{term}</dt>
              <dd className="mb-1 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/** The way out of each kind of trouble: a decision on a conflict, a resend or cancel, or a retry. */
function Remedies({ redemption }: { redemption: RedemptionView }) {
  const { what, worth } = named(redemption);
  const who = redemption.person.name;
  const order = redemption.handling?.providerOrderId;
  if (redemption.status === "needs_attention") {
    return (
      <SettleOrRelease
        redemption={redemption}
        fulfil={{
          trigger: "secondary",
          says: (
            <p>
              Only if the provider shows the order went through{order ? ` (order ${order})` : ""}: the {worth}{" "}
              are spent.
            </p>
          ),
        }}
        fail={{
          label: "Mark failed",
          reasonLabel: "What happened?",
          says: (
            <p>
              Only if no order went through: the {worth} go back to {who}.
            </p>
          ),
        }}
      />
    );
  }
  if (redemption.status === "fulfilled" && redemption.deliveryStatus === "failed") {
    const faceValue = formatMoney(redemption.faceValueMinor, redemption.currency);
    return (
      <>
        <DecisionDialog
          action={resend}
          redemptionId={redemption.id}
          label="Resend"
          accessibleLabel={`Resend ${what}`}
          title={`Resend ${what}`}
          confirmLabel="Resend"
          pendingLabel="Sending…"
          trigger="primary"
          field={{
            name: "email",
            label: "Send it to",
            kind: "email",
            required: true,
            defaultValue: redemption.recipientEmail ?? redemption.handling?.personEmail ?? "",
          }}
        >
          <p>The provider sends the same reward again; nothing more is paid.</p>
        </DecisionDialog>
        <DecisionDialog
          action={cancel}
          redemptionId={redemption.id}
          label="Cancel reward"
          accessibleLabel={`Cancel reward: ${what}`}
          title={`Cancel ${what}?`}
          confirmLabel={`Cancel the ${faceValue} reward`}
          dismissLabel="Keep it"
          pendingLabel="Canceling…"
          trigger="danger"
          confirm="danger"
        >
          <p>
            The provider cancels the {faceValue} reward and refunds it, and the {worth} go back to {who}. The
            refund shows as a credit on the next bill.
          </p>
        </DecisionDialog>
      </>
    );
  }
  return (
    <>
      {redemption.status === "submitted" ? (
        <ActionButton
          action={retry}
          fields={{ redemptionId: redemption.id }}
          label="Try again now"
          accessibleLabel={`Try again now: ${what}`}
          pendingLabel="Trying…"
          className={buttonClass}
        />
      ) : null}
      <Link href="/admin/rewards" className={`${linkClass} self-center text-sm`}>
        Check the provider settings
      </Link>
    </>
  );
}

export default async function NeedsAttentionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const cursor = firstParam(await searchParams, "cursor");
  const page = await guarded(listRedemptions(db, actor, { queue: "attention", cursor, limit: PAGE_SIZE }));
  return (
    <>
      <RewardsTabs current="attention" />
      <PageHeader
        title="Needs attention"
        description={`Redemptions Plaudit couldn't finish on its own, newest first: each says what went wrong and what you can do. Times are in ${org.timeZone.replaceAll("_", " ")}.`}
      />
      <OutcomeAnnouncer>
        {page.items.length === 0 && !cursor ? (
          <EmptyState title="Nothing needs attention">
            Orders the provider refuses, can't be paid for or can't deliver show up here.
          </EmptyState>
        ) : (
          <Panel>
            <ul className="divide-y divide-stone-200">
              {page.items.map((redemption) => (
                <RedemptionSummary
                  key={redemption.id}
                  redemption={redemption}
                  timeZone={org.timeZone}
                  details={<Trouble redemption={redemption} timeZone={org.timeZone} />}
                >
                  <Remedies redemption={redemption} />
                </RedemptionSummary>
              ))}
            </ul>
            <Pagination
              path="/admin/rewards/attention"
              cursor={cursor}
              nextCursor={page.nextCursor}
              noMore="No older ones."
            />
          </Panel>
        )}
      </OutcomeAnnouncer>
    </>
  );
}
