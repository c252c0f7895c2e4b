import { ColumnHeads, compactCell } from "@/app/_components/column-heads";
import { ScrollBox } from "@/app/_components/scroll-box";
import type { RollForward } from "@/core/billing/get-roll-forward";
import { formatMoney, formatPoints, pointsToMinor } from "@/core/shared/money";
import { formatDayInZone } from "../../admin/_components/format-time";

interface StatementRow {
  label: string;
  detail?: string;
  /** How the row enters the closing balance; none for the balances themselves. */
  sign?: "+" | "−";
  points: number;
  balance?: boolean;
}

/** opening + earned − redeemed − forfeited + reversed + adjusted = closing, as an accountant reads it. */
export function RollForwardStatement({
  rollForward,
  timeZone,
}: {
  rollForward: RollForward;
  timeZone: string;
}) {
  const { pointValue } = rollForward;
  const lastDay = new Date(rollForward.end.getTime() - 1);
  const rows: StatementRow[] = [
    {
      label: "Opening balance",
      detail: `at the start of ${formatDayInZone(rollForward.start, timeZone)}`,
      points: rollForward.opening,
      balance: true,
    },
    { label: "Earned", detail: "recognitions and company grants", sign: "+", points: rollForward.earned },
    { label: "Redeemed", detail: "rewards settled", sign: "−", points: rollForward.redeemed },
    { label: "Forfeited", detail: "leavers' points returned", sign: "−", points: rollForward.forfeited },
    {
      label: "Reversed",
      detail: "canceled rewards' points given back",
      sign: "+",
      points: rollForward.reversed,
    },
    {
      label: "Adjusted",
      detail: "corrections",
      sign: rollForward.adjusted < 0 ? "−" : "+",
      points: Math.abs(rollForward.adjusted),
    },
    {
      label: "Closing balance",
      detail: `at the end of ${formatDayInZone(lastDay, timeZone)}`,
      points: rollForward.closing,
      balance: true,
    },
  ];
  return (
    <ScrollBox label="Roll-forward of the points liability" className="-mx-5 px-5">
      <table className="w-full min-w-[20rem] text-sm" data-testid="roll-forward">
        <caption className="sr-only">Roll-forward of the points liability</caption>
        <ColumnHeads
          style="compact"
          columns={[
            { label: <span className="sr-only">Item</span> },
            { label: "Points", numeric: true },
            { label: "Value", numeric: true },
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.label}
              className={
                row.balance
                  ? "border-t-2 border-stone-300 font-semibold first:border-t-0"
                  : "border-t border-stone-100"
              }
            >
              <th scope="row" className="py-2 text-left font-[inherit]">
                <span className="inline-block w-4 text-stone-500" aria-hidden="true">
                  {row.sign ?? (row.label === "Closing balance" ? "=" : "")}
                </span>
                {row.label}
                {row.sign ? (
                  <span className="sr-only"> ({row.sign === "+" ? "added" : "taken off"})</span>
                ) : null}
                {row.detail ? (
                  <span className="block pl-4 text-xs font-normal text-stone-500">{row.detail}</span>
                ) : null}
              </th>
              <td className={`${compactCell} py-2 text-right tabular-nums whitespace-nowrap`}>
                {formatPoints(row.points)}
              </td>
              <td className={`${compactCell} py-2 text-right tabular-nums whitespace-nowrap`}>
                {formatMoney(pointsToMinor(row.points, pointValue), pointValue.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
