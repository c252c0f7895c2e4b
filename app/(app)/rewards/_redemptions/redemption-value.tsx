import { Points } from "@/app/_components/points";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatMoney } from "@/core/shared/money";
import { withArticle } from "../_offer/redemption-question";

/** What a redemption cost and what it is worth: "250 pts · $25.00 for a $25.00 gift card". */
export function RedemptionValue({ redemption }: { redemption: RedemptionView }) {
  return (
    <>
      <Points points={redemption.points} value={redemption.pointValue} />
      {redemption.kind === "custom" ? null : (
        <span className="text-stone-600">
          {" "}
          for {withArticle(formatMoney(redemption.faceValueMinor, redemption.currency))}{" "}
          {redemption.kind === "charity" ? "donation" : "gift card"}
        </span>
      )}
    </>
  );
}
