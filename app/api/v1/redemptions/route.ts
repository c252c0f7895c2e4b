import { readJsonBody } from "@/app/_lib/api/body";
import { inApiTerms } from "@/app/_lib/api/fields";
import { apiIdempotencyKey } from "@/app/_lib/api/idempotency-key";
import { isoDateParam, listParam, textParam, wholeNumberParam } from "@/app/_lib/api/query";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { redemptionJson } from "@/app/_lib/api/reward-representations";
import { rewardDeps } from "@/app/_lib/reward-deps";
import { type ListRedemptionsInput, listRedemptions } from "@/core/rewards/list-redemptions";
import { type RequestRedemptionInput, requestRedemption } from "@/core/rewards/request-redemption";

const LIST_FIELDS = {
  person_id: "personId",
  status: "status",
  from: "from",
  to: "to",
  cursor: "cursor",
  limit: "limit",
};

const REDEEM_FIELDS = {
  person_id: "personId",
  product_id: "productId",
  custom_reward_id: "customRewardId",
  face_value_minor: "faceValueMinor",
  share_in_feed: "shareInFeed",
};

/** The org's redemptions, newest first, by person, status and the dates they were requested. */
export function GET(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor, query }) => {
    const page = await inApiTerms(
      LIST_FIELDS,
      listRedemptions(db, actor, {
        personId: textParam(query, "person_id"),
        // The use case checks each is a status.
        status: listParam(query, "status") as ListRedemptionsInput["status"],
        from: isoDateParam(query, "from"),
        to: isoDateParam(query, "to"),
        cursor: textParam(query, "cursor"),
        limit: wholeNumberParam(query, "limit"),
      }),
    );
    return jsonResponse({ data: page.items.map(redemptionJson), next_cursor: page.nextCursor });
  });
}

/**
 * Redeems `person_id`'s earned points for a reward of the catalog. The Idempotency-Key header makes a
 * retry safe, as for recognitions: the same key with the same request answers with the same redemption,
 * however many arrive at once, and the points are held and the reward ordered once.
 */
export function POST(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor }) => {
    const idempotencyKey = apiIdempotencyKey(request);
    const input = await readJsonBody<Omit<RequestRedemptionInput, "idempotencyKey">>(request, REDEEM_FIELDS);
    const { redemption, replayed } = await inApiTerms(
      REDEEM_FIELDS,
      requestRedemption(db, actor, { ...input, idempotencyKey }, rewardDeps()),
    );
    return jsonResponse(
      { data: redemptionJson(redemption) },
      201,
      replayed ? { "Idempotent-Replayed": "true" } : {},
    );
  });
}
