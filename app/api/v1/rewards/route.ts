import { inApiTerms } from "@/app/_lib/api/fields";
import { textParam } from "@/app/_lib/api/query";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { catalogJson } from "@/app/_lib/api/reward-representations";
import { type ListRewardCatalogInput, listRewardCatalog } from "@/core/rewards/list-reward-catalog";

const FIELDS = { kind: "kind", q: "query" };

/** The org's reward catalog: gift cards, charities and its own rewards, with what each costs in points. */
export function GET(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor, query }) => {
    const catalog = await inApiTerms(
      FIELDS,
      listRewardCatalog(db, actor, {
        // The use case checks it is one of the kinds.
        kind: textParam(query, "kind") as ListRewardCatalogInput["kind"],
        query: textParam(query, "q"),
      }),
    );
    return jsonResponse({ data: catalogJson(catalog) });
  });
}
