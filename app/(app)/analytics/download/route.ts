import { httpStatusFor } from "@/app/_lib/error-status";
import { problemPage } from "@/app/_lib/problem-page";
import { viewerOrRedirect } from "@/app/_lib/route-responses";
import { answeringOutage, unavailablePageHere } from "@/app/_lib/unavailable";
import { type ExportAnalyticsInput, exportAnalytics } from "@/core/analytics/export-analytics";
import { isDomainError } from "@/core/shared/errors";
import { getDb } from "@/db/client";
import { publicOrigin } from "@/slack/install/oauth-state";

const TITLES: Record<number, string> = {
  400: "That download link isn't right",
  403: "You can't download analytics",
};

/**
 * One table of the analytics page as CSV: `?section=` one of the page's tables, with the page's own
 * filters (`from`, `to`, `department`, `days`), so the file holds what the page showed.
 */
export const GET = answeringOutage(
  unavailablePageHere,
  async function GET(request: Request): Promise<Response> {
    const viewer = await viewerOrRedirect(request, publicOrigin(request.url));
    if (viewer instanceof Response) return viewer;
    const query = new URL(request.url).searchParams;
    const param = (name: string) => query.get(name) || undefined;
    try {
      const file = await exportAnalytics(getDb(), viewer.actor, {
        // The use case checks each against its rules.
        section: (param("section") ?? "") as ExportAnalyticsInput["section"],
        from: param("from"),
        to: param("to"),
        department: param("department"),
        days: param("days"),
      });
      return new Response(file.text, {
        status: 200,
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": `attachment; filename="${file.fileName}"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const status = httpStatusFor(error.code);
      return problemPage(status, {
        title: TITLES[status] ?? "The analytics couldn't be downloaded",
        message: error.message,
        back: { href: "/analytics", label: "Back to analytics" },
      });
    }
  },
);
