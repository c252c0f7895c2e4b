import { liabilityJson } from "@/app/_lib/api/bill-representations";
import { inApiTerms } from "@/app/_lib/api/fields";
import { textParam } from "@/app/_lib/api/query";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { getLiability } from "@/core/billing/get-liability";

const FIELDS = { as_of: "asOf" };

/** Earned points not yet redeemed, and those held for redemptions, as of an instant (now by default). */
export function GET(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor, query }) => {
    const liability = await inApiTerms(FIELDS, getLiability(db, actor, { asOf: textParam(query, "as_of") }));
    return jsonResponse({ data: liabilityJson(liability) });
  });
}
