/** Whether a bill is final: a closed bill never changes, a draft is provisional until it closes. */
export function BillStatusBadge({ status }: { status: "open" | "closed" }) {
  return status === "closed" ? (
    <span className="inline-flex items-center rounded-full border border-emerald-200 bg-emerald-50 px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-emerald-800">
      Closed
    </span>
  ) : (
    <span className="inline-flex items-center rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-900">
      Draft — provisional
    </span>
  );
}
