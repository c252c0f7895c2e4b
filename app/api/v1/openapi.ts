/**
 * The integration API's contract, served at /api/v1/openapi.json. A test compares its paths and methods
 * with the route handlers under app/api/v1, so a new route cannot ship undescribed.
 */

import { MAX_API_BODY_BYTES } from "@/app/_lib/api/body";
import { MESSAGE_MAX_LENGTH } from "@/core/giving/message-length";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES, type ApiScope } from "@/core/shared/api-scopes";
import { deliveryMethod, deliveryStatus, redemptionKind, redemptionStatus } from "@/db/schema";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const uuid = { type: "string", format: "uuid" };
const nullableText = { type: ["string", "null"] };
const nullableDate = { type: ["string", "null"], format: "date" };

const problems = {
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "429": { $ref: "#/components/responses/RateLimited" },
  "500": { $ref: "#/components/responses/InternalError" },
  "503": { $ref: "#/components/responses/Unavailable" },
};

/** The one scope an operation needs: as OpenAPI 3.1 lists a bearer scheme's roles, and plainly. */
const needs = (scope: ApiScope) => ({
  security: [{ bearerAuth: [scope] }],
  "x-required-scope": scope,
});

const idempotencyKeyParameter = (what: string) => ({
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description: `Up to 150 visible ASCII characters, unique per ${what}; a UUID is a good choice.`,
  schema: { type: "string", minLength: 1, maxLength: 150 },
});

const replayedHeader = {
  "Idempotent-Replayed": {
    description: "`true` when this answer repeats an earlier request with the same key.",
    schema: { type: "string", enum: ["true"] },
  },
};

const pageParameters = (defaultLimit: number, maxLimit: number) => [
  {
    name: "cursor",
    in: "query",
    description: "The `next_cursor` of the previous page.",
    schema: { type: "string" },
  },
  {
    name: "limit",
    in: "query",
    schema: { type: "integer", minimum: 1, maximum: maxLimit, default: defaultLimit },
  },
];

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Plaudit integration API",
    version: "1.0.0",
    description:
      "Sync people, post recognitions, redeem rewards and read the monthly bills and the points liability with an " +
      "org API key (Settings → API keys). Every request " +
      "acts for the key's organization only: an id from another organization answers exactly like an id " +
      "that does not exist. Points are whole numbers; `*_value` fields give their money value in minor " +
      "units (cents) of the org's currency.",
  },
  servers: [{ url: "/" }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/api/v1/people": {
      get: {
        operationId: "listPeople",
        ...needs("people:read"),
        summary: "List the organization's people by name",
        parameters: [
          ...pageParameters(50, 200),
          {
            name: "q",
            in: "query",
            description: "Part of a name or email, case-insensitive.",
            schema: { type: "string" },
          },
          { name: "email", in: "query", schema: { type: "string", format: "email" } },
          {
            name: "external_id",
            in: "query",
            description: "The HR system's employee id.",
            schema: { type: "string" },
          },
          {
            name: "active",
            in: "query",
            description: "Only active (`true`) or deactivated (`false`) people; both when omitted.",
            schema: { type: "boolean" },
          },
        ],
        responses: {
          "200": { description: "One page of people.", content: json(ref("PersonPage")) },
          "400": { $ref: "#/components/responses/Invalid" },
          ...problems,
        },
      },
      post: {
        operationId: "upsertPerson",
        ...needs("people:write"),
        summary: "Create or update one person",
        description:
          "Matches by `external_id` when given, else by `email`. Absent: the person is created (needs `name` " +
          "and `email`). Present: the fields sent are updated; fields left out stay as they are. `active: false` " +
          "deactivates the person under the org's leaver policy. Sending the same request again is safe. No " +
          "key may give or take the admin or finance role, change the email of someone who holds one or " +
          "reactivate them (403): an admin does that in Plaudit. Sending such a person's current roles is fine.",
        requestBody: { required: true, content: json(ref("PersonUpsert")) },
        responses: {
          "200": { description: "The person was updated.", content: json(ref("PersonEnvelope")) },
          "201": { description: "The person was created.", content: json(ref("PersonEnvelope")) },
          "400": { $ref: "#/components/responses/Invalid" },
          "413": { $ref: "#/components/responses/TooLarge" },
          "404": errorResponse("`manager_email` names no one in the organization."),
          "409": errorResponse(
            "The email or external id belongs to someone else, or the change would leave no active admin.",
          ),
          ...problems,
          "403": errorResponse(
            "`forbidden`: the key lacks the `people:write` scope, or the request would give or take the admin " +
              "or finance role, change the email of someone who holds one, or reactivate them: no key may.",
          ),
        },
      },
    },
    "/api/v1/people/{id}/balances": {
      get: {
        operationId: "getBalances",
        ...needs("recognitions:read"),
        summary: "A person's allowance left this month and earned balance",
        parameters: [{ name: "id", in: "path", required: true, schema: uuid }],
        responses: {
          "200": { description: "The person's balances.", content: json(ref("BalancesEnvelope")) },
          "400": { $ref: "#/components/responses/Invalid" },
          "404": { $ref: "#/components/responses/NotFound" },
          ...problems,
        },
      },
    },
    "/api/v1/recognitions": {
      get: {
        operationId: "listRecognitions",
        ...needs("recognitions:read"),
        summary: "The organization's recognition feed, newest first",
        parameters: [
          ...pageParameters(20, 100),
          {
            name: "value",
            in: "query",
            description: "A company value, e.g. `ownership`.",
            schema: { type: "string" },
          },
          {
            name: "department",
            in: "query",
            description: "Recognitions with a recipient in this department.",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": { description: "One page of recognitions.", content: json(ref("RecognitionPage")) },
          "400": { $ref: "#/components/responses/Invalid" },
          ...problems,
        },
      },
      post: {
        operationId: "giveRecognition",
        ...needs("recognitions:write"),
        summary: "Give points on behalf of a person",
        description:
          "Takes `amount` points per recipient from the giver's monthly allowance, all or nothing. A request " +
          "repeated with the same Idempotency-Key answers exactly like the first one (status and body; the " +
          "`Idempotent-Replayed: true` header marks the repeat); the same key with a different request is " +
          "refused with 409. Only a give that took effect keeps its key.",
        parameters: [idempotencyKeyParameter("give")],
        requestBody: { required: true, content: json(ref("GiveRequest")) },
        responses: {
          "201": {
            description: "The points were given (or this repeats a give that was).",
            headers: replayedHeader,
            content: json(ref("GiveReceiptEnvelope")),
          },
          "400": { $ref: "#/components/responses/Invalid" },
          "413": { $ref: "#/components/responses/TooLarge" },
          "409": errorResponse("`idempotency_conflict`: the key was used for a different request."),
          "422": errorResponse(
            "A giving rule refused it: `insufficient_allowance`, `amount_out_of_range`, `self_give`, " +
              "`giver_inactive`, `recipient_not_found`, `recipient_inactive`, `recipient_is_bot`, " +
              "`message_required`, `value_required`, `values_disabled` or `unknown_value`. The message says " +
              "why and what is left.",
          ),
          ...problems,
        },
      },
    },
    "/api/v1/rewards": {
      get: {
        operationId: "listRewards",
        ...needs("rewards:read"),
        summary: "The reward catalog: gift cards, charities and the organization's own rewards",
        description:
          "The whole catalog in one answer (it is not paged), with the point value its prices use. Gift cards " +
          "and donations are sold at fixed face values, or anywhere in a range in steps that come to whole " +
          "points; face values are minor units of the org's currency. Custom rewards cost `points_price`.",
        parameters: [
          {
            name: "kind",
            in: "query",
            schema: { type: "string", enum: ["gift_card", "charity", "custom"] },
          },
          {
            name: "q",
            in: "query",
            description: "Part of a reward's name or description, case-insensitive.",
            schema: { type: "string", maxLength: 100 },
          },
        ],
        responses: {
          "200": { description: "The catalog.", content: json(ref("RewardCatalogEnvelope")) },
          "400": { $ref: "#/components/responses/Invalid" },
          ...problems,
        },
      },
    },
    "/api/v1/redemptions": {
      get: {
        operationId: "listRedemptions",
        ...needs("rewards:read"),
        summary: "The organization's redemptions, newest first",
        parameters: [
          ...pageParameters(25, 100),
          { name: "person_id", in: "query", schema: uuid },
          {
            name: "status",
            in: "query",
            description: "One status or several, comma-separated: `status=fulfilled,failed`.",
            schema: { type: "string" },
          },
          {
            name: "from",
            in: "query",
            description:
              "Requested at or after this ISO 8601 date (midnight UTC) or date-time with its offset.",
            schema: { type: "string" },
          },
          {
            name: "to",
            in: "query",
            description: "Requested before this ISO 8601 date (midnight UTC) or date-time with its offset.",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": { description: "One page of redemptions.", content: json(ref("RedemptionPage")) },
          "400": { $ref: "#/components/responses/Invalid" },
          ...problems,
        },
      },
      post: {
        operationId: "requestRedemption",
        ...needs("rewards:write"),
        summary: "Redeem a person's earned points for a reward",
        description:
          "Holds the points and, unless an admin must approve first, orders the reward at once; the answer " +
          "shows where it stands (`fulfilled`, `submitted` while the provider is retried, `awaiting_approval`, " +
          "`awaiting_fulfillment` for a custom reward, `failed` with the points back). A request repeated with " +
          "the same Idempotency-Key answers with the same redemption (`Idempotent-Replayed: true` marks the " +
          "repeat); the same key with a different request is refused with 409. Gift links are never returned: " +
          "they go to the person by email, or on their own redemption page.",
        parameters: [idempotencyKeyParameter("redemption")],
        requestBody: { required: true, content: json(ref("RedemptionRequest")) },
        responses: {
          "201": {
            description: "The redemption was made (or this repeats one that was).",
            headers: replayedHeader,
            content: json(ref("RedemptionEnvelope")),
          },
          "400": { $ref: "#/components/responses/Invalid" },
          "413": { $ref: "#/components/responses/TooLarge" },
          "404": errorResponse(
            "`not_found`: no such person in the organization, or the reward is not offered.",
          ),
          "409": errorResponse(
            "`idempotency_conflict`: the key was used for a different request; `out_of_stock`: none left.",
          ),
          "422": errorResponse(
            "A redemption rule refused it: `insufficient_points`, `invalid_face_value` (the message offers " +
              "the nearest valid values) or `redemptions_disabled`.",
          ),
          ...problems,
          "403": errorResponse(
            "`forbidden`: the key lacks the `rewards:write` scope, or the person is deactivated or a bot.",
          ),
        },
      },
    },
    "/api/v1/bills": {
      get: {
        operationId: "listBills",
        ...needs("finance:read"),
        summary: "The organization's monthly redemption bills, newest month first",
        description:
          "One bill per calendar month in the org's time zone, by fulfilment time. The current month's is an " +
          "open draft whose figures change as rewards are fulfilled; a closed bill has its number and never " +
          "changes. There is at most one bill a month, so the list is never paged (`next_cursor` is null).",
        responses: {
          "200": { description: "Every bill.", content: json(ref("BillList")) },
          ...problems,
        },
      },
    },
    "/api/v1/bills/{period}": {
      get: {
        operationId: "getBill",
        ...needs("finance:read"),
        summary: "One month's bill with all its lines, as JSON or as its CSV file",
        description:
          "Streamed as the lines are read, however many there are. The JSON and the CSV carry the same lines " +
          "with the same figures: money as decimals with the currency's exponent (`12.34`), times in UTC, " +
          "`fulfilled_date` in the org's time zone. A closed bill's CSV is byte-identical whenever it is " +
          "fetched; its SHA-256 is its ETag, and `If-None-Match` with it answers 304.",
        parameters: [
          {
            name: "period",
            in: "path",
            required: true,
            description: "The month, `YYYY-MM`.",
            schema: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" },
          },
          {
            name: "format",
            in: "query",
            schema: { type: "string", enum: ["json", "csv"], default: "json" },
          },
          {
            name: "If-None-Match",
            in: "header",
            description: "The ETag of a closed bill's CSV you already have.",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": {
            description: "The bill.",
            headers: {
              ETag: {
                description: "A closed bill's CSV: the quoted SHA-256 of its bytes.",
                schema: { type: "string" },
              },
            },
            content: {
              ...json(ref("BillFileEnvelope")),
              "text/csv": {
                schema: { type: "string" },
                description:
                  "RFC 4180, UTF-8, CRLF, a header row, the columns in a fixed order; text that a " +
                  "spreadsheet would run as a formula starts with an apostrophe.",
              },
            },
          },
          "304": { description: "The CSV is unchanged: you have it already." },
          "400": { $ref: "#/components/responses/Invalid" },
          "404": errorResponse("`not_found`: the organization has no bill for that month."),
          ...problems,
        },
      },
    },
    "/api/v1/liability": {
      get: {
        operationId: "getLiability",
        ...needs("finance:read"),
        summary: "Earned points not yet redeemed, and their money value, as of an instant",
        parameters: [
          {
            name: "as_of",
            in: "query",
            description:
              "An ISO 8601 date-time with its offset, e.g. `2026-11-30T23:59:59-05:00`: every posting made " +
              "at or before it counts. Now when left out; never in the future.",
            schema: { type: "string", format: "date-time" },
          },
        ],
        responses: {
          "200": { description: "The liability.", content: json(ref("LiabilityEnvelope")) },
          "400": { $ref: "#/components/responses/Invalid" },
          ...problems,
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        security: [],
        responses: { "200": { description: "The OpenAPI 3.1 document.", content: json({ type: "object" }) } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "plaudit_<43 characters>",
        description:
          "An org API key, created by an admin with the scopes it may use; it is shown once. Each operation " +
          "needs one scope (its `security` and `x-required-scope`); a key without it is refused with 403. " +
          "No scope lets a key give or take the admin or finance role. The scopes: " +
          API_SCOPES.map((scope) => `\`${scope}\`: ${API_SCOPE_DESCRIPTIONS[scope]}`).join(" ") +
          " Each key may make a number of requests a minute (600 unless the deployment set another); past " +
          "it, 429 with Retry-After.",
      },
    },
    responses: {
      Invalid: errorResponse(
        "`invalid`: the body is not JSON, a field is missing or of the wrong type, or a parameter is malformed.",
      ),
      Unauthenticated: errorResponse("`unauthenticated`: the API key is missing, unknown or revoked."),
      Forbidden: errorResponse("`forbidden`: the API key lacks the scope this operation needs."),
      RateLimited: {
        description:
          "`rate_limited`: too many requests with this key in a minute, or (for gives and redemptions) too " +
          "many by the person named in a window; the message says when to try again. A repeat of a request " +
          "that took effect (same Idempotency-Key) is never refused for this.",
        headers: {
          "Retry-After": {
            description: "Whole seconds until the window ends and the request may be sent again.",
            schema: { type: "integer", minimum: 1 },
          },
        },
        content: json(ref("Error")),
      },
      NotFound: errorResponse("`not_found`: no such id in the organization."),
      TooLarge: errorResponse(
        `\`too_large\`: the request body is over ${MAX_API_BODY_BYTES / 1024} KB; nothing past the limit was read.`,
      ),
      InternalError: errorResponse("`internal`: something failed on the server; the request may be retried."),
      Unavailable: {
        ...errorResponse(
          "`unavailable`: the database can't be reached just now; nothing was changed. Retry after the seconds " +
            "`Retry-After` says (with the same `Idempotency-Key`).",
        ),
        headers: {
          "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
        },
      },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                description:
                  "`invalid` 400, `unauthenticated` 401, `forbidden` 403, `not_found` 404, " +
                  "`method_not_allowed` 405, `conflict`, `idempotency_conflict` and `out_of_stock` 409, " +
                  "`too_large` 413, giving and redemption rule refusals 422, `rate_limited` 429, `internal` 500, " +
                  "`unavailable` 503.",
              },
              message: { type: "string", description: "What went wrong, in words a person can act on." },
              field: {
                type: "string",
                description: "The field, parameter or header to blame, when there is one.",
              },
            },
          },
        },
      },
      Money: {
        type: "object",
        required: ["minor", "currency"],
        properties: {
          minor: { type: "integer", description: "Minor units of the currency (cents)." },
          currency: { type: "string", description: "ISO 4217 code." },
        },
      },
      Person: {
        type: "object",
        required: [
          "id",
          "name",
          "email",
          "external_id",
          "roles",
          "manager_id",
          "department",
          "cost_center",
          "birthday",
          "hire_date",
          "active",
        ],
        properties: {
          id: uuid,
          name: { type: "string" },
          email: { type: "string", format: "email" },
          external_id: nullableText,
          roles: { type: "array", items: ref("Role") },
          manager_id: { type: ["string", "null"], format: "uuid" },
          department: nullableText,
          cost_center: nullableText,
          birthday: {
            type: ["string", "null"],
            pattern: "^--\\d{2}-\\d{2}$",
            description: "Month and day only, as ISO 8601 writes a date without its year (`--04-02`).",
          },
          hire_date: nullableDate,
          active: { type: "boolean" },
        },
      },
      Role: { type: "string", enum: ["employee", "manager", "admin", "finance"] },
      PersonUpsert: {
        type: "object",
        additionalProperties: false,
        description: "Give `email` or `external_id` (or both) to find the person by.",
        properties: {
          email: { type: "string", format: "email" },
          external_id: { type: "string", minLength: 1, maxLength: 200 },
          name: { type: "string", maxLength: 200 },
          roles: {
            type: "array",
            items: ref("Role"),
            description: "Everyone keeps `employee`; the list sets the other roles.",
          },
          manager_email: { type: ["string", "null"], description: "`null` or empty removes the manager." },
          department: { type: ["string", "null"], maxLength: 200 },
          cost_center: { type: ["string", "null"], maxLength: 200 },
          birthday: nullableDate,
          hire_date: nullableDate,
          active: { type: "boolean", description: "`false` deactivates, `true` reactivates." },
        },
      },
      PersonEnvelope: { type: "object", required: ["data"], properties: { data: ref("Person") } },
      PersonPage: {
        type: "object",
        required: ["data", "next_cursor"],
        properties: {
          data: { type: "array", items: ref("Person") },
          next_cursor: { type: ["string", "null"], description: "Null on the last page." },
        },
      },
      Recognition: {
        type: "object",
        required: [
          "id",
          "created_at",
          "source",
          "message",
          "giver",
          "recipients",
          "values",
          "amount_per_recipient",
          "total_amount",
          "total_value",
        ],
        properties: {
          id: uuid,
          created_at: { type: "string", format: "date-time" },
          source: { type: "string", enum: ["web", "slack", "api", "system"] },
          message: { type: "string" },
          giver: {
            description: "Null for a company grant.",
            oneOf: [
              {
                type: "object",
                required: ["id", "name"],
                properties: { id: uuid, name: { type: "string" } },
              },
              { type: "null" },
            ],
          },
          recipients: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "name", "amount"],
              properties: { id: uuid, name: { type: "string" }, amount: { type: "integer" } },
            },
          },
          values: { type: "array", items: { type: "string" } },
          amount_per_recipient: { type: "integer", description: "Points given to each recipient." },
          total_amount: { type: "integer", description: "Points the giver's allowance paid." },
          total_value: ref("Money"),
          campaign: {
            description:
              "The campaign whose multiplier added `bonus_per_recipient` to each recipient, paid by the company; null when none.",
            oneOf: [
              {
                type: "object",
                required: ["id", "name", "multiplier", "bonus_per_recipient"],
                properties: {
                  id: uuid,
                  name: { type: "string" },
                  multiplier: { type: "integer", minimum: 2, maximum: 5 },
                  bonus_per_recipient: { type: "integer" },
                },
              },
              { type: "null" },
            ],
          },
        },
      },
      RecognitionPage: {
        type: "object",
        required: ["data", "next_cursor"],
        properties: {
          data: { type: "array", items: ref("Recognition") },
          next_cursor: { type: ["string", "null"], description: "Null on the last page." },
        },
      },
      GiveRequest: {
        type: "object",
        additionalProperties: false,
        required: ["giver_id", "recipient_ids", "amount", "message"],
        properties: {
          giver_id: { ...uuid, description: "The person giving; the points come from their allowance." },
          recipient_ids: { type: "array", items: uuid, minItems: 1, maxItems: 50 },
          amount: { type: "integer", minimum: 1, description: "Points per recipient." },
          message: { type: "string", minLength: 1, maxLength: MESSAGE_MAX_LENGTH },
          values: { type: "array", items: { type: "string" }, maxItems: 10, description: "Company values." },
        },
      },
      GiveReceipt: {
        type: "object",
        required: [
          "id",
          "created_at",
          "source",
          "giver_id",
          "recipient_ids",
          "amount_per_recipient",
          "total_amount",
          "period",
          "allowance_remaining",
        ],
        properties: {
          id: { ...uuid, description: "The recognition's id." },
          created_at: { type: "string", format: "date-time" },
          source: { type: "string", const: "api" },
          giver_id: uuid,
          recipient_ids: { type: "array", items: uuid },
          amount_per_recipient: { type: "integer" },
          total_amount: { type: "integer" },
          period: { type: "string", description: "The allowance month, `YYYY-MM` in the org's time zone." },
          allowance_remaining: {
            type: "integer",
            description: "Points the giver had left this month right after this give.",
          },
          bonus: {
            description:
              "What a running campaign added to each recipient, paid by the company (each recipient got `amount_per_recipient + per_recipient`); null when no campaign applied.",
            oneOf: [
              {
                type: "object",
                required: ["campaign_id", "campaign_name", "multiplier", "per_recipient"],
                properties: {
                  campaign_id: uuid,
                  campaign_name: { type: "string" },
                  multiplier: { type: "integer", minimum: 2, maximum: 5 },
                  per_recipient: { type: "integer" },
                },
              },
              { type: "null" },
            ],
          },
          budget_spent_campaign: {
            type: ["string", "null"],
            description:
              "A campaign that would have applied but whose bonus budget was spent: the give counted x1.",
          },
        },
      },
      GiveReceiptEnvelope: { type: "object", required: ["data"], properties: { data: ref("GiveReceipt") } },
      Balances: {
        type: "object",
        required: ["person_id", "period", "allowance", "earned"],
        properties: {
          person_id: uuid,
          period: { type: "string", description: "This allowance month, `YYYY-MM` in the org's time zone." },
          allowance: {
            type: "object",
            required: ["remaining", "remaining_value", "total", "given"],
            properties: {
              remaining: { type: "integer", description: "Points left to give this month." },
              remaining_value: ref("Money"),
              total: { type: "integer", description: "This month's allowance, boosts included." },
              given: { type: "integer" },
            },
          },
          earned: {
            type: "object",
            required: ["balance", "balance_value"],
            properties: { balance: { type: "integer" }, balance_value: ref("Money") },
          },
        },
      },
      BalancesEnvelope: { type: "object", required: ["data"], properties: { data: ref("Balances") } },
      PointValue: {
        type: "object",
        required: ["points", "minor", "currency"],
        description: "`points` points are worth `minor` minor units of `currency`.",
        properties: {
          points: { type: "integer" },
          minor: { type: "integer" },
          currency: { type: "string" },
        },
      },
      Reward: {
        type: "object",
        required: [
          "kind",
          "product_id",
          "custom_reward_id",
          "name",
          "description",
          "image_url",
          "category",
          "disclosure",
          "usage_instructions",
          "currency",
          "denominations",
          "points_price",
          "stock_left",
          "requires_approval",
          "from_points",
          "from_value",
        ],
        properties: {
          kind: { type: "string", enum: redemptionKind.enumValues },
          product_id: { type: ["string", "null"], description: "Set for gift cards and charities." },
          custom_reward_id: {
            type: ["string", "null"],
            format: "uuid",
            description: "Set for custom rewards.",
          },
          name: { type: "string" },
          description: { type: "string" },
          image_url: nullableText,
          category: nullableText,
          disclosure: nullableText,
          usage_instructions: nullableText,
          currency: { type: "string", description: "The currency of the face values (the org's)." },
          denominations: {
            description: "Gift cards and charities: the face values on offer. Null for custom rewards.",
            oneOf: [
              {
                type: "object",
                required: ["fixed", "ranges"],
                properties: {
                  fixed: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["face_value_minor", "points"],
                      properties: { face_value_minor: { type: "integer" }, points: { type: "integer" } },
                    },
                  },
                  ranges: {
                    type: "array",
                    description: "Any face value from `min_minor` to `max_minor` in steps of `step_minor`.",
                    items: {
                      type: "object",
                      required: [
                        "min_minor",
                        "max_minor",
                        "step_minor",
                        "min_points",
                        "max_points",
                        "step_points",
                      ],
                      properties: {
                        min_minor: { type: "integer" },
                        max_minor: { type: "integer" },
                        step_minor: { type: "integer" },
                        min_points: { type: "integer" },
                        max_points: { type: "integer" },
                        step_points: { type: "integer" },
                      },
                    },
                  },
                },
              },
              { type: "null" },
            ],
          },
          points_price: { type: ["integer", "null"], description: "Custom rewards: the price in points." },
          stock_left: {
            type: ["integer", "null"],
            description: "Custom rewards: how many are left; null: no limit.",
          },
          requires_approval: { type: "boolean" },
          from_points: { type: "integer", description: "The fewest points it can be had for." },
          from_value: ref("Money"),
        },
      },
      RewardCatalog: {
        type: "object",
        required: ["redemptions_enabled", "point_value", "approval_threshold", "rewards"],
        properties: {
          redemptions_enabled: {
            type: "boolean",
            description: "False while an admin has redemptions switched off: nothing can be redeemed.",
          },
          point_value: ref("PointValue"),
          approval_threshold: {
            type: ["integer", "null"],
            description: "Redemptions of more points than this wait for an admin's approval.",
          },
          rewards: { type: "array", items: ref("Reward") },
        },
      },
      RewardCatalogEnvelope: {
        type: "object",
        required: ["data"],
        properties: { data: ref("RewardCatalog") },
      },
      RedemptionRequest: {
        type: "object",
        additionalProperties: false,
        required: ["person_id"],
        description: "Name exactly one of `product_id` and `custom_reward_id`.",
        properties: {
          person_id: {
            ...uuid,
            description: "The person redeeming; the points come from their earned balance.",
          },
          product_id: { type: "string", description: "A gift card or charity of the catalog." },
          custom_reward_id: { ...uuid, description: "One of the organization's own rewards." },
          face_value_minor: {
            type: "integer",
            minimum: 1,
            description: "Gift cards and charities: the face value, in minor units of the org's currency.",
          },
          share_in_feed: {
            type: "boolean",
            default: false,
            description: "Charities: show the donation in the recognition feed.",
          },
        },
      },
      Redemption: {
        type: "object",
        required: [
          "id",
          "person",
          "kind",
          "status",
          "reward_name",
          "brand",
          "points",
          "points_value",
          "face_value",
          "share_in_feed",
          "delivery_method",
          "delivery_status",
          "recipient_email",
          "outcome_reason",
          "requested_at",
          "fulfilled_at",
          "closed_at",
        ],
        properties: {
          id: uuid,
          person: {
            type: "object",
            required: ["id", "name"],
            properties: { id: uuid, name: { type: "string" } },
          },
          kind: { type: "string", enum: redemptionKind.enumValues },
          status: { type: "string", enum: redemptionStatus.enumValues },
          reward_name: { type: "string" },
          brand: { type: "string" },
          points: { type: "integer" },
          points_value: ref("Money"),
          face_value: {
            description: "Gift cards and charities: the face value; null for custom rewards.",
            oneOf: [ref("Money"), { type: "null" }],
          },
          share_in_feed: { type: "boolean" },
          delivery_method: { type: ["string", "null"], enum: [...deliveryMethod.enumValues, null] },
          delivery_status: {
            type: ["string", "null"],
            enum: [...deliveryStatus.enumValues, null],
          },
          recipient_email: { type: ["string", "null"], format: "email" },
          outcome_reason: {
            type: ["string", "null"],
            description: "Why it was declined, failed or canceled, for the person who asked.",
          },
          requested_at: { type: "string", format: "date-time" },
          fulfilled_at: { type: ["string", "null"], format: "date-time" },
          closed_at: { type: ["string", "null"], format: "date-time" },
        },
      },
      RedemptionEnvelope: { type: "object", required: ["data"], properties: { data: ref("Redemption") } },
      BillSummary: {
        type: "object",
        required: [
          "period",
          "status",
          "number",
          "currency",
          "period_end",
          "closed_at",
          "lines",
          "points",
          "billed",
        ],
        properties: {
          period: { type: "string", description: "`YYYY-MM` in the org's time zone." },
          status: { type: "string", enum: ["open", "closed"] },
          number: { type: ["string", "null"], description: "Set when the bill closes: `ACME-2026-00007`." },
          currency: { type: "string" },
          period_end: {
            type: "string",
            format: "date-time",
            description: "The first instant after the month.",
          },
          closed_at: { type: ["string", "null"], format: "date-time" },
          lines: { type: "integer" },
          points: { type: "integer", description: "Points the bill's lines redeemed, credits taken off." },
          billed: { ...ref("Money"), description: "What the org pays: charges, less credits, plus fees." },
        },
      },
      BillList: {
        type: "object",
        required: ["data", "next_cursor"],
        properties: {
          data: { type: "array", items: ref("BillSummary") },
          next_cursor: { type: "null" },
        },
      },
      BillFile: {
        type: "object",
        required: ["bill", "lines"],
        properties: {
          bill: {
            type: "object",
            required: [
              "number",
              "period",
              "time_zone",
              "period_start",
              "period_end",
              "currency",
              "status",
              "closed_at",
              "csv_sha256",
              "totals",
            ],
            properties: {
              number: nullableText,
              period: { type: "string" },
              time_zone: { type: "string", description: "The IANA time zone the month is counted in." },
              period_start: { type: "string", format: "date-time" },
              period_end: { type: "string", format: "date-time" },
              currency: { type: "string" },
              status: { type: "string", enum: ["open", "closed"] },
              closed_at: { type: ["string", "null"], format: "date-time" },
              csv_sha256: { type: ["string", "null"], description: "A closed bill's CSV's SHA-256, in hex." },
              totals: {
                type: "object",
                description:
                  "`lines`, `points` and `billed_amount`; the same and `face_value`, `fee` and " +
                  "`internal_cost` per line type (`charge`, `credit`, `fee`); `by_department`, " +
                  "`by_cost_center` and `by_kind` (`name`, `lines`, `points`, `billed_amount`); and the " +
                  "`taxable_kinds` payroll counts. Frozen when the bill closes.",
              },
            },
          },
          lines: { type: "array", items: ref("BillLine") },
        },
      },
      BillLine: {
        type: "object",
        description:
          "A frozen snapshot of a fulfilled (charge, fee) or canceled (credit) redemption. Amounts are " +
          "decimal strings; a credit's are negative and `refers_to` names the line it corrects.",
        properties: {
          line: { type: "integer" },
          line_type: { type: "string", enum: ["charge", "credit", "fee"] },
          redemption_id: uuid,
          requested_at: { type: "string", format: "date-time" },
          fulfilled_at: { type: "string", format: "date-time" },
          fulfilled_date: { type: "string", format: "date" },
          person: {
            type: "object",
            properties: {
              id: uuid,
              external_employee_id: nullableText,
              name: { type: "string" },
              email: { type: "string" },
            },
          },
          department: nullableText,
          cost_center: nullableText,
          reward_kind: { type: "string", enum: redemptionKind.enumValues },
          brand: { type: "string" },
          reward_name: { type: "string" },
          provider: nullableText,
          provider_order_id: nullableText,
          provider_reward_id: nullableText,
          product_id: nullableText,
          points: { type: "integer" },
          point_value: {
            type: "object",
            properties: { points: { type: "integer" }, amount: { type: "string" } },
          },
          face_value: { type: "string" },
          billed_amount: { type: "string" },
          fee: { type: "string" },
          internal_cost: {
            type: ["string", "null"],
            description: "Custom rewards: shown apart, never billed.",
          },
          currency: { type: "string" },
          status: { type: "string" },
          refers_to: {
            oneOf: [
              {
                type: "object",
                properties: { bill: nullableText, line: { type: "integer" } },
              },
              { type: "null" },
            ],
          },
        },
      },
      BillFileEnvelope: { type: "object", required: ["data"], properties: { data: ref("BillFile") } },
      Liability: {
        type: "object",
        required: [
          "as_of",
          "point_value",
          "earned",
          "earned_value",
          "held",
          "held_value",
          "outstanding",
          "outstanding_value",
          "by_department",
        ],
        properties: {
          as_of: { type: "string", format: "date-time" },
          point_value: ref("PointValue"),
          earned: { type: "integer", description: "Points people have earned and not redeemed." },
          earned_value: ref("Money"),
          held: { type: "integer", description: "Points held for redemptions not yet settled." },
          held_value: ref("Money"),
          outstanding: { type: "integer", description: "What the company owes in points: earned plus held." },
          outstanding_value: ref("Money"),
          by_department: {
            type: "array",
            description: "By the department each person is in now.",
            items: {
              type: "object",
              required: ["department", "people", "earned", "earned_value", "held", "held_value"],
              properties: {
                department: nullableText,
                people: { type: "integer", description: "The people in the department now." },
                earned: { type: "integer" },
                earned_value: ref("Money"),
                held: { type: "integer" },
                held_value: ref("Money"),
              },
            },
          },
        },
      },
      LiabilityEnvelope: { type: "object", required: ["data"], properties: { data: ref("Liability") } },
      RedemptionPage: {
        type: "object",
        required: ["data", "next_cursor"],
        properties: {
          data: { type: "array", items: ref("Redemption") },
          next_cursor: { type: ["string", "null"], description: "Null on the last page." },
        },
      },
    },
  },
};
