import { httpStatusFor } from "@/app/_lib/error-status";
import { entityTags, fileResponse } from "@/app/_lib/file-response";
import { problemPage } from "@/app/_lib/problem-page";
import { viewerOrRedirect } from "@/app/_lib/route-responses";
import { answeringOutage, unavailablePageHere } from "@/app/_lib/unavailable";
import { type ExportBillInput, exportBill } from "@/core/billing/export-bill";
import { isDomainError } from "@/core/shared/errors";
import { getDb } from "@/db/client";
import { publicOrigin } from "@/slack/install/oauth-state";

const TITLES: Record<number, string> = {
  400: "That download link isn't right",
  403: "You can't download bills",
  404: "There is no such bill",
};

/**
 * A month's bill as a file for finance: `?format=csv` (the default), `json`, `pdf`, `payroll` or
 * `departments`, streamed as it is read. A closed bill's CSV answers 304 to a client that has it.
 */
export const GET = answeringOutage(
  unavailablePageHere,
  async function GET(
    request: Request,
    { params }: { params: Promise<{ period: string }> },
  ): Promise<Response> {
    const viewer = await viewerOrRedirect(request, publicOrigin(request.url));
    if (viewer instanceof Response) return viewer;
    const { period } = await params;
    const format = new URL(request.url).searchParams.get("format") || "csv";
    try {
      const file = await exportBill(getDb(), viewer.actor, {
        period,
        // The use case checks it is one of its formats.
        format: format as ExportBillInput["format"],
        knownSha256s: entityTags(request),
      });
      return fileResponse(file);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const status = httpStatusFor(error.code);
      return problemPage(status, {
        title: TITLES[status] ?? "The bill couldn't be downloaded",
        message: error.message,
        back: { href: "/finance", label: "Back to bills" },
      });
    }
  },
);
