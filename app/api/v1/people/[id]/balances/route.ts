import { inApiTerms } from "@/app/_lib/api/fields";
import { balancesJson } from "@/app/_lib/api/representations";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { getBalances } from "@/core/giving/get-balances";

const FIELDS = { id: "personId" };

/** What the person has left to give this month and what they have earned, with money values. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return apiCall(request, async ({ db, actor }) => {
    const { id } = await params;
    const balances = await inApiTerms(FIELDS, getBalances(db, actor, { personId: id }));
    return jsonResponse({ data: balancesJson(balances) });
  });
}
