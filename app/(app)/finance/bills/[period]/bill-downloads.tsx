import { Panel } from "@/app/_components/panel";
import { secondaryButtonClass } from "@/app/_components/styles";

const FILES = [
  { format: "csv", label: "Lines (CSV)", about: "Every line, for spreadsheets and accounting tools" },
  { format: "pdf", label: "PDF", about: "The bill as a document to send or file" },
  { format: "json", label: "Lines (JSON)", about: "The same data, for integrations" },
  { format: "payroll", label: "Payroll totals", about: "Taxable and non-taxable amounts per person" },
  { format: "departments", label: "Department totals", about: "To charge budgets back" },
] as const;

/** The bill's files. A draft's are provisional too; a closed bill's are the same bytes every time. */
export function BillDownloads({ period, closed }: { period: string; closed: boolean }) {
  return (
    <Panel
      title="Download"
      description={
        closed
          ? "A closed bill's files never change: download them again at any time."
          : "These files are provisional, like the draft: they change while lines are added."
      }
    >
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {FILES.map((file) => (
          <li key={file.format} className="flex flex-col gap-1">
            {/*
              A route handler's file, not a page: a plain link, never prefetched. No `download`
              attribute: the file comes as an attachment, and a refusal shows as the page it is.
            */}
            <a
              href={`/finance/bills/${period}/download?format=${file.format}`}
              className={`${secondaryButtonClass} w-full`}
            >
              <span aria-hidden="true">↓</span> {file.label}
            </a>
            <span className="text-xs text-stone-500">{file.about}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
