/**
 * The integration API's contract, served at /api/v1/openapi.json. A test compares its paths and methods
 * with the route handlers under app/api/v1, so a new route cannot ship undescribed.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const uuid = { type: "string", format: "uuid" };
const nullableText = { type: ["string", "null"] };
const nullableDate = { type: ["string", "null"], format: "date" };

const problems = {
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "500": { $ref: "#/components/responses/InternalError" },
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
      "Sync people and post recognitions with an org API key (Settings → API keys). Every request " +
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
        summary: "Create or update one person",
        description:
          "Matches by `external_id` when given, else by `email`. Absent: the person is created (needs `name` " +
          "and `email`). Present: the fields sent are updated; fields left out stay as they are. `active: false` " +
          "deactivates the person under the org's leaver policy. Sending the same request again is safe.",
        requestBody: { required: true, content: json(ref("PersonUpsert")) },
        responses: {
          "200": { description: "The person was updated.", content: json(ref("PersonEnvelope")) },
          "201": { description: "The person was created.", content: json(ref("PersonEnvelope")) },
          "400": { $ref: "#/components/responses/Invalid" },
          "404": errorResponse("`manager_email` names no one in the organization."),
          "409": errorResponse(
            "The email or external id belongs to someone else, or the change would leave no active admin.",
          ),
          ...problems,
        },
      },
    },
    "/api/v1/people/{id}/balances": {
      get: {
        operationId: "getBalances",
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
        summary: "Give points on behalf of a person",
        description:
          "Takes `amount` points per recipient from the giver's monthly allowance, all or nothing. A request " +
          "repeated with the same Idempotency-Key answers exactly like the first one (status and body; the " +
          "`Idempotent-Replayed: true` header marks the repeat); the same key with a different request is " +
          "refused with 409. Only a give that took effect keeps its key.",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: true,
            description: "Up to 150 visible ASCII characters, unique per give; a UUID is a good choice.",
            schema: { type: "string", minLength: 1, maxLength: 150 },
          },
        ],
        requestBody: { required: true, content: json(ref("GiveRequest")) },
        responses: {
          "201": {
            description: "The points were given (or this repeats a give that was).",
            headers: {
              "Idempotent-Replayed": {
                description: "`true` when this answer repeats an earlier request with the same key.",
                schema: { type: "string", enum: ["true"] },
              },
            },
            content: json(ref("GiveReceiptEnvelope")),
          },
          "400": { $ref: "#/components/responses/Invalid" },
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
        description: "An org API key, created by an admin; it is shown once.",
      },
    },
    responses: {
      Invalid: errorResponse(
        "`invalid`: the body is not JSON, a field is missing or of the wrong type, or a parameter is malformed.",
      ),
      Unauthenticated: errorResponse("`unauthenticated`: the API key is missing, unknown or revoked."),
      NotFound: errorResponse("`not_found`: no such id in the organization."),
      InternalError: errorResponse("`internal`: something failed on the server; the request may be retried."),
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
                  "`invalid` 400, `unauthenticated` 401, `forbidden` 403, `not_found` 404, `conflict` and " +
                  "`idempotency_conflict` 409, giving rule refusals 422, `internal` 500.",
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
          birthday: nullableDate,
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
          amount_per_recipient: { type: "integer" },
          total_amount: { type: "integer" },
          total_value: ref("Money"),
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
          message: { type: "string", minLength: 1, maxLength: 2000 },
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
    },
  },
};
