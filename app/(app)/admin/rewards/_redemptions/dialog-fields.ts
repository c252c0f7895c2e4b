import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatPointsWithValue } from "@/core/shared/money";

/** The word a decision asks for in its dialog. */
export interface DialogField {
  name: string;
  label: string;
  /** A reason or note is a few lines of text; a corrected address is an email. */
  kind: "text" | "email";
  required: boolean;
  defaultValue?: string;
  hint?: string;
}

/** Why a redemption is declined or closed, for the person who asked, who reads it. */
export function reasonField(redemption: RedemptionView, label: string): DialogField {
  return {
    name: "reason",
    label,
    kind: "text",
    required: true,
    hint: `${redemption.person.name} sees this.`,
  };
}

export const NOTE_FIELD: DialogField = {
  name: "note",
  label: "Note (optional)",
  kind: "text",
  required: false,
  hint: "Kept in the audit log.",
};

/** "Ana Lima's Starbucks gift card" and "250 pts · $25.00", as the dialogs and buttons name them. */
export function named(redemption: RedemptionView): { what: string; worth: string } {
  return {
    what: `${redemption.person.name}'s ${redemption.rewardName}`,
    worth: formatPointsWithValue(redemption.points, redemption.pointValue),
  };
}
