import { readJsonBody } from "@/app/_lib/api/body";
import { inApiTerms } from "@/app/_lib/api/fields";
import { apiIdempotencyKey } from "@/app/_lib/api/idempotency-key";
import { textParam, wholeNumberParam } from "@/app/_lib/api/query";
import { givenJson, recognitionJson } from "@/app/_lib/api/representations";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { listFeed } from "@/core/feed/list-feed";
import { type GivePointsInput, givePoints } from "@/core/giving/give-points";
import { DomainError, isDomainError } from "@/core/shared/errors";
import { countedGive } from "@/observability/metrics";

const FEED_FIELDS = { cursor: "cursor", limit: "limit", value: "value", department: "department" };

const GIVE_FIELDS = {
  giver_id: "giverId",
  recipient_ids: "recipientIds",
  amount: "amount",
  message: "message",
  values: "values",
};

/** The org's recognitions, newest first. */
export function GET(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor, query }) => {
    const page = await inApiTerms(
      FEED_FIELDS,
      listFeed(db, actor, {
        cursor: textParam(query, "cursor"),
        limit: wholeNumberParam(query, "limit"),
        value: textParam(query, "value"),
        department: textParam(query, "department"),
      }),
    );
    return jsonResponse({
      data: page.items.map((item) => recognitionJson(item, page.pointValue)),
      next_cursor: page.nextCursor,
    });
  });
}

/**
 * Gives points on behalf of `giver_id`. The Idempotency-Key header makes a retry safe: the same key with
 * the same request answers exactly as the first time did, however many arrive at once; the same key with
 * a different request is refused. Only a give that took effect is remembered, so a refused request can be
 * corrected and sent again with its key.
 */
export function POST(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor }) => {
    const idempotencyKey = apiIdempotencyKey(request);
    const input = await readJsonBody<Omit<GivePointsInput, "source" | "idempotencyKey">>(
      request,
      GIVE_FIELDS,
    );
    const given = await inApiTerms(
      GIVE_FIELDS,
      countedGive("api", givePoints(db, actor, { ...input, source: "api", idempotencyKey }), (error) =>
        isDomainError(error),
      ).catch(explainGiver),
    );
    return jsonResponse(
      { data: givenJson(given, input) },
      201,
      given.replayed ? { "Idempotent-Replayed": "true" } : {},
    );
  });
}

/** The ledger's words are for a person giving their own points; here the caller names the giver. */
function explainGiver(error: unknown): never {
  if (isDomainError(error, "giver_inactive")) {
    throw new DomainError("giver_inactive", "giver_id is not an active person of your organization.", {
      field: "giverId",
    });
  }
  throw error;
}
