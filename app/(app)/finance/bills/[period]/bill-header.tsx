import type { ReactNode } from "react";
import { buttonClass } from "@/app/_components/styles";
import type { BillView } from "@/core/billing/get-bill";
import { ConfirmForm } from "../../../admin/_components/confirm-form";
import { formatInZone } from "../../../admin/_components/format-time";
import { BillStatusBadge } from "../../_components/bill-status-badge";
import { monthName } from "../../_components/bill-text";
import { closeBillNow } from "./actions";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-stone-900">{children}</dd>
    </div>
  );
}

/** Where the bill stands: final, or provisional until when, and what closing it would do. */
function StatusNote({ view }: { view: BillView }) {
  const { bill, closing } = view;
  const at = (instant: Date) => (
    <time dateTime={instant.toISOString()}>{formatInZone(instant, bill.timeZone)}</time>
  );
  if (bill.status === "closed" && bill.closedAt) {
    return (
      <p>
        Closed on {at(bill.closedAt)} {view.closedByName ? `by ${view.closedByName}` : "automatically"}. It
        never changes again: anything that happens to its rewards later goes on the next bill.
      </p>
    );
  }
  if (!closing) return null;
  if (closing.automaticCloseDue) {
    return (
      <p>
        <strong className="font-semibold">Provisional:</strong> lines can still be added until it closes. It
        was due to close by itself on {at(closing.closesAutomaticallyAt)}: the next background pass closes it,
        or close it now.
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <p>
        <strong className="font-semibold">Provisional:</strong> lines can still be added until it closes on{" "}
        {at(closing.closesAutomaticallyAt)}.
      </p>
      {closing.canCloseNow ? (
        <p>The month has ended: close it now, or it closes by itself then.</p>
      ) : (
        <p>It can be closed once the month has ended, from {at(closing.closableFrom)}.</p>
      )}
    </div>
  );
}

export function BillHeader({ view, orgName }: { view: BillView; orgName: string }) {
  const { bill, closing } = view;
  const month = monthName(bill.period);
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-balance">{month} bill</h1>
          <BillStatusBadge status={bill.status} />
        </div>
        {closing?.canCloseNow ? (
          <ConfirmForm
            action={closeBillNow}
            fields={{ period: bill.period }}
            triggerLabel="Close bill"
            title={`Close the ${month} bill?`}
            confirmLabel="Close bill"
            pendingLabel="Closing…"
            triggerClassName={buttonClass}
            confirmClassName={buttonClass}
            dismissLabel="Keep it open"
          >
            <p>
              It gets the next number,{" "}
              <strong className="font-mono text-stone-900">{closing.nextNumber}</strong>, and never changes
              again: its lines, totals and files are frozen.
            </p>
            <p>
              Later cancellations, refunds and late fulfilments go on the next bill, as credits that name the
              line they correct.
            </p>
          </ConfirmForm>
        ) : null}
      </div>
      <div
        className={`rounded-xl border px-4 py-3 text-sm ${
          bill.status === "closed"
            ? "border-emerald-200 bg-emerald-50 text-emerald-900"
            : "border-amber-300 bg-amber-50 text-amber-950"
        }`}
      >
        <StatusNote view={view} />
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded-xl border border-stone-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-3 lg:grid-cols-5">
        <Fact label="Organization">{bill.orgName ?? orgName}</Fact>
        <Fact label="Period">
          {month}
          <span className="block text-xs font-normal text-stone-500">{bill.period}</span>
        </Fact>
        <Fact label="Time zone">{bill.timeZone.replaceAll("_", " ")}</Fact>
        <Fact label="Number">
          {bill.number ? (
            <span className="font-mono">{bill.number}</span>
          ) : (
            <span className="font-normal text-stone-600">None until it closes</span>
          )}
        </Fact>
        <Fact label="Status">{bill.status === "closed" ? "Closed" : "Open (draft)"}</Fact>
      </dl>
    </header>
  );
}
