import { billSummaryJson } from "@/app/_lib/api/bill-representations";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { listBills } from "@/core/billing/list-bills";

/** Every bill of the organization, newest month first: one per month, so never more than a page. */
export function GET(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor }) => {
    const bills = await listBills(db, actor);
    return jsonResponse({ data: bills.map(billSummaryJson), next_cursor: null });
  });
}
