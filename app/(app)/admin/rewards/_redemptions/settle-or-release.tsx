import type { ReactNode } from "react";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { markFailed, markFulfilled } from "./actions";
import { DecisionDialog } from "./decision-dialog";
import { NOTE_FIELD, named, reasonField } from "./dialog-fields";

/**
 * The two ways to close a redemption a person has to decide on (a custom reward to hand over, an order
 * in conflict): fulfilled, the points spent, with an optional note; or not, the points back, with a
 * reason the person reads.
 */
export function SettleOrRelease({
  redemption,
  fulfil,
  fail,
}: {
  redemption: RedemptionView;
  fulfil: { trigger: "primary" | "secondary"; says: ReactNode };
  fail: { label: string; reasonLabel: string; says: ReactNode };
}) {
  const { what } = named(redemption);
  return (
    <>
      <DecisionDialog
        action={markFulfilled}
        redemptionId={redemption.id}
        label="Mark fulfilled"
        accessibleLabel={`Mark fulfilled: ${what}`}
        title={`Mark ${what} fulfilled?`}
        confirmLabel="Mark fulfilled"
        pendingLabel="Saving…"
        trigger={fulfil.trigger}
        field={NOTE_FIELD}
      >
        {fulfil.says}
      </DecisionDialog>
      <DecisionDialog
        action={markFailed}
        redemptionId={redemption.id}
        label={fail.label}
        accessibleLabel={`${fail.label}: ${what}`}
        title={`${fail.label}: ${what}?`}
        confirmLabel="Give the points back"
        pendingLabel="Saving…"
        trigger="danger"
        confirm="danger"
        field={reasonField(redemption, fail.reasonLabel)}
      >
        {fail.says}
      </DecisionDialog>
    </>
  );
}
