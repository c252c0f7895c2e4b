import { ColumnHeads } from "@/app/_components/column-heads";
import { LabelledCell } from "@/app/_components/labelled-cell";
import { Points } from "@/app/_components/points";
import type { PlacedBillLine } from "@/core/billing/bill-reading";
import { formatMoney } from "@/core/shared/money";
import { dayName, lineTypeName, monthName } from "../../_components/bill-text";

/** "corrects ACME-2026-00003 line 4", or the draft month's bill while that bill has no number. */
function correction(line: PlacedBillLine): string | null {
  if (line.refersToLine === null) return null;
  const bill =
    line.refersToBill ?? (line.refersToPeriod ? `the ${monthName(line.refersToPeriod)} draft` : "a bill");
  return `corrects ${bill} line ${line.refersToLine}`;
}

const TYPE_STYLES: Record<string, string> = {
  charge: "text-stone-800",
  credit: "text-sky-800",
  fee: "text-stone-600",
};

export function BillLinesTable({ lines, caption }: { lines: PlacedBillLine[]; caption: string }) {
  return (
    <div className="relative lg:overflow-x-auto lg:rounded-xl lg:border lg:border-stone-200 lg:bg-white lg:shadow-sm">
      <table className="block w-full text-sm lg:table">
        <caption className="sr-only">{caption}</caption>
        <ColumnHeads
          style="wide"
          columns={[
            { label: "Line", numeric: true },
            { label: "Type" },
            { label: "Fulfilled" },
            { label: "Person" },
            { label: "Department" },
            { label: "Reward" },
            { label: "Points", numeric: true },
            { label: "Billed", numeric: true },
          ]}
        />
        <tbody className="flex flex-col gap-3 lg:table-row-group">
          {lines.map((line) => {
            const corrects = correction(line);
            const value = {
              points: line.pointValuePoints,
              minor: line.pointValueMinor,
              currency: line.currency,
            };
            return (
              <tr
                key={`${line.redemptionId}:${line.lineType}`}
                className="flex flex-wrap items-baseline rounded-lg border border-stone-200 bg-white p-4 shadow-sm lg:table-row lg:shadow-none lg:rounded-none lg:border-0 lg:border-t lg:border-stone-100 lg:p-0 lg:align-top"
              >
                <th
                  scope="row"
                  className="w-full pb-2 text-left font-semibold lg:table-cell lg:w-auto lg:px-3 lg:py-3 lg:text-right lg:font-normal lg:tabular-nums"
                >
                  <span className="lg:hidden">Line </span>
                  {line.line}
                </th>
                <LabelledCell label="Type">
                  <span className={`font-medium ${TYPE_STYLES[line.lineType] ?? ""}`}>
                    {lineTypeName(line.lineType)}
                  </span>
                  {corrects ? <span className="block text-xs text-stone-600">{corrects}</span> : null}
                </LabelledCell>
                <LabelledCell label="Fulfilled">
                  <time dateTime={line.fulfilledDate} className="whitespace-nowrap">
                    {dayName(line.fulfilledDate)}
                  </time>
                </LabelledCell>
                <LabelledCell label="Person">
                  <span className="break-words">{line.personName}</span>
                  {line.externalEmployeeId ? (
                    <span className="block text-xs text-stone-500">{line.externalEmployeeId}</span>
                  ) : null}
                </LabelledCell>
                <LabelledCell label="Department">{line.department ?? "—"}</LabelledCell>
                <LabelledCell label="Reward">
                  <span className="break-words">{line.rewardName}</span>
                </LabelledCell>
                <LabelledCell label="Points" numeric>
                  <Points points={line.points} value={value} />
                </LabelledCell>
                <LabelledCell label="Billed" numeric>
                  <span className="font-semibold whitespace-nowrap tabular-nums">
                    {formatMoney(line.billedMinor, line.currency)}
                  </span>
                  {line.internalCostMinor !== null && line.lineType !== "fee" ? (
                    <span className="block text-xs whitespace-nowrap text-stone-500">
                      internal cost {formatMoney(line.internalCostMinor, line.currency)}
                    </span>
                  ) : null}
                </LabelledCell>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
