import { ColumnHeads } from "@/app/_components/column-heads";
import { LabelledCell } from "@/app/_components/labelled-cell";
import { Points } from "@/app/_components/points";
import type { DepartmentLiability } from "@/core/billing/get-liability";
import type { PointValue } from "@/core/shared/money";

/** The liability by the department each person is in now: a table, or a card per department on a phone. */
export function DepartmentLiabilityTable({
  departments,
  pointValue,
}: {
  departments: DepartmentLiability[];
  pointValue: PointValue;
}) {
  if (departments.length === 0) {
    return <p className="text-sm text-stone-500">Nobody had earned points at that time.</p>;
  }
  return (
    <table className="block w-full text-sm lg:table">
      <caption className="sr-only">Liability by department</caption>
      <ColumnHeads
        style="wide"
        columns={[
          { label: "Department" },
          { label: "People", numeric: true },
          { label: "In balances", numeric: true },
          { label: "In holds", numeric: true },
          { label: "Outstanding", numeric: true },
        ]}
      />
      <tbody className="flex flex-col gap-3 lg:table-row-group">
        {departments.map((row) => (
          <tr
            key={row.department ?? ""}
            className="flex flex-wrap rounded-lg border border-stone-200 p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-t lg:border-stone-100 lg:p-0"
          >
            <th
              scope="row"
              className="w-full pb-1 text-left font-semibold lg:table-cell lg:w-auto lg:px-3 lg:py-3 lg:font-medium"
            >
              {row.department ?? "No department"}
            </th>
            <LabelledCell label="People" numeric>
              <span className="tabular-nums">{row.people.toLocaleString("en-US")}</span>
            </LabelledCell>
            <LabelledCell label="In balances" numeric>
              <Points points={row.earned} value={pointValue} />
            </LabelledCell>
            <LabelledCell label="In holds" numeric>
              <Points points={row.held} value={pointValue} />
            </LabelledCell>
            <LabelledCell label="Outstanding" numeric>
              <Points points={row.outstanding} value={pointValue} />
            </LabelledCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
