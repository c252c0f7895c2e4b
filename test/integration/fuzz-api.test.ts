import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as billsRoute from "../../app/api/v1/bills/[period]/route";
import * as billListRoute from "../../app/api/v1/bills/route";
import * as liabilityRoute from "../../app/api/v1/liability/route";
import { openApiDocument } from "../../app/api/v1/openapi";
import * as openApiRoute from "../../app/api/v1/openapi.json/route";
import * as balancesRoute from "../../app/api/v1/people/[id]/balances/route";
import * as peopleRoute from "../../app/api/v1/people/route";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import * as redemptionsRoute from "../../app/api/v1/redemptions/route";
import * as rewardsRoute from "../../app/api/v1/rewards/route";
import { closeDb } from "../../db/client";
import { orgWithKey } from "../support/api-client";
import { expectLedgerClean } from "../support/assertions";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import type { TestOrg } from "../support/factories";
import { anyJson, anyText, cursorText, dateText, fuzzParameters, idText, oddNumber } from "../support/fuzz";

/**
 * Every operation of the integration API, sent fuzzed bodies, queries, path parameters and headers:
 * none may answer 5xx, every refusal has the documented error shape and a status the operation
 * documents, and the ledger reconciles afterwards.
 */

const database = workerDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Operation = keyof typeof openApiDocument.paths;
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: readonly unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
};
type Parameter = { name: string; in: string; schema: Schema };
type Described = { parameters?: Parameter[]; requestBody?: unknown; responses: Record<string, unknown> };

/** The route modules by the path the OpenAPI document gives them. */
const ROUTES: Record<Operation, Record<string, unknown>> = {
  "/api/v1/people": peopleRoute,
  "/api/v1/people/{id}/balances": balancesRoute,
  "/api/v1/recognitions": recognitionsRoute,
  "/api/v1/rewards": rewardsRoute,
  "/api/v1/redemptions": redemptionsRoute,
  "/api/v1/bills": billListRoute,
  "/api/v1/bills/{period}": billsRoute,
  "/api/v1/liability": liabilityRoute,
  "/api/v1/openapi.json": openApiRoute,
};

let org: TestOrg;
let apiKey: string;
let knownIds: string[];

beforeAll(async () => {
  process.env.DATABASE_URL = databaseUrl(await ensureWorkerDatabase());
  // Hundreds of requests with one key and one giver: the limits are tested elsewhere, not here.
  for (const name of ["API", "GIVES", "REDEMPTIONS"]) vi.stubEnv(`PLAUDIT_RATE_LIMIT_${name}`, "1000000/1m");
  const { db } = await database();
  ({ org, apiKey } = await orgWithKey(db));
  await org.addValues("ownership", "kindness");
  const colleagues = await org.addPeople(3, { department: "Sales" });
  knownIds = [org.admin.id, ...colleagues.map((person) => person.id)];
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await closeDb();
});

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(
    "#/components/schemas/",
    "",
  ) as keyof typeof openApiDocument.components.schemas;
  return openApiDocument.components.schemas[name] as Schema;
}

/** A value the operation should accept: known ids, plain words, small counts, real dates. */
function saneValue(described: Schema, name: string): fc.Arbitrary<unknown> {
  const schema = resolve(described);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = [schema.type ?? "string"].flat().filter((type) => type !== "null");
  const type = types[0] ?? "string";
  if (type === "boolean") return fc.boolean();
  if (type === "integer") return fc.integer({ min: 1, max: 20 });
  if (type === "array") return fc.array(saneValue(schema.items ?? {}, name), { minLength: 1, maxLength: 3 });
  if (schema.format === "uuid" || name.endsWith("_id")) return fc.constantFrom(...knownIds);
  if (schema.format === "date") return fc.constantFrom("2026-01-31", "1990-06-15");
  if (schema.format === "date-time" || name === "from" || name === "to") {
    return fc.constantFrom("2026-01-31T12:00:00Z", "2025-06-15T08:30:00-05:00", "2025-06-15");
  }
  if (name === "manager_email") return fc.constant(null);
  if (schema.format === "email" || name.includes("email"))
    return fc.stringMatching(/^[a-z]{1,12}@[a-z]{1,8}\.test$/);
  if (name === "values" || name === "value") return fc.constantFrom("ownership", "kindness");
  if (name === "status") return fc.constantFrom("fulfilled", "failed,fulfilled");
  if (name === "period") return fc.constantFrom("2026-01", "2025-12");
  return fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/);
}

/** A value of the documented type near the edges of what it allows, or of any other type. */
function oddValue(described: Schema, name: string): fc.Arbitrary<unknown> {
  const schema = resolve(described);
  const types = [schema.type ?? "string"].flat();
  const choices: fc.Arbitrary<unknown>[] = [anyJson];
  if (types.includes("integer")) choices.push(oddNumber);
  if (types.includes("array")) choices.push(fc.array(oddValue(schema.items ?? {}, name), { maxLength: 60 }));
  if (types.includes("string")) choices.push(oddString(schema, name));
  return fc.oneof(...choices);
}

function oddString(schema: Schema, name: string): fc.Arbitrary<string> {
  if (schema.format === "uuid" || name.endsWith("_id")) return idText(knownIds);
  if (schema.format?.startsWith("date") || ["from", "to", "period"].includes(name)) return dateText;
  if (schema.format === "email" || name.includes("email")) {
    return fc.oneof(
      fc.emailAddress().map((email) => email.toUpperCase()),
      anyText,
    );
  }
  if (name === "cursor") return cursorText(knownIds);
  return fc.oneof(fc.constantFrom("OWNERSHIP", "Ownership\u0000"), anyText);
}

const LEFT_OUT = Symbol("left out");

/**
 * Fields the operation should accept, then at most two of them changed to something odd or left out:
 * one bad field at a time reaches the code behind the checks that a wholly random request stops at.
 */
function mutatedFields(entries: [string, Schema][], required: (name: string) => boolean) {
  const names = entries.map(([name]) => name);
  // A cursor is only ever one the API wrote: it is sent tampered with, or not at all.
  const sane = fc.record(
    Object.fromEntries(
      entries.filter(([name]) => name !== "cursor").map(([name, schema]) => [name, saneValue(schema, name)]),
    ),
    { requiredKeys: names.filter(required) },
  );
  const odd = Object.fromEntries(
    entries.map(([name, schema]) => [name, fc.oneof(oddValue(schema, name), fc.constant(LEFT_OUT))]),
  );
  const mutation =
    names.length === 0
      ? fc.constant([])
      : fc.array(
          fc
            .constantFrom(...names)
            .chain((name) => fc.tuple(fc.constant(name), odd[name] as fc.Arbitrary<unknown>)),
          { maxLength: 2 },
        );
  return fc.tuple(sane, mutation).map(([fields, changes]) => {
    const changed: Record<string, unknown> = { ...fields };
    for (const [name, value] of changes) {
      if (value === LEFT_OUT) delete changed[name];
      else changed[name] = value;
    }
    return changed;
  });
}

function bodyFor(described: Described): fc.Arbitrary<string | undefined> {
  const content = (described.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
    ?.content;
  if (!content)
    return fc.option(
      anyText.map((text) => JSON.stringify(text)),
      { nil: undefined },
    );
  const schema = resolve(content["application/json"]?.schema ?? {}) as Schema & { required?: string[] };
  const fields = mutatedFields(Object.entries(schema.properties ?? {}), (name) =>
    (schema.required ?? []).includes(name),
  );
  const withExtra = fc
    .tuple(fields, fc.dictionary(anyText, anyJson, { maxKeys: 2 }))
    .map(([object, extra]) => ({ ...extra, ...object }));
  return fc.oneof(
    { arbitrary: fields.map((object) => JSON.stringify(object)), weight: 8 },
    { arbitrary: withExtra.map((object) => JSON.stringify(object)), weight: 1 },
    { arbitrary: anyJson.map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: anyText, weight: 1 },
    {
      arbitrary: fc.constantFrom("{", '{"giver_id":', "[1,2", "\u0000", `{"a":"${"x".repeat(70_000)}"}`),
      weight: 1,
    },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

function queryFor(described: Described): fc.Arbitrary<[string, string][]> {
  const parameters = (described.parameters ?? []).filter((parameter) => parameter.in === "query");
  // Filters are optional: the sane ones are sent about half the time.
  const fields = mutatedFields(
    parameters.map((parameter): [string, Schema] => [parameter.name, parameter.schema]),
    () => false,
  );
  const extra = fc.array(fc.tuple(anyText, anyText), { maxLength: 2 });
  return fc
    .tuple(fields, fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: extra, weight: 1 }))
    .map(([chosen, others]) => [
      ...Object.entries(chosen).map(([name, value]): [string, string] => [
        name,
        typeof value === "string" ? value : JSON.stringify(value),
      ]),
      ...others,
    ]);
}

function pathParametersFor(route: string, described: Described): fc.Arbitrary<Record<string, string>> {
  const names = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const schemaOf = (name: string) =>
    described.parameters?.find((parameter) => parameter.in === "path" && parameter.name === name)?.schema ??
    {};
  return fc.record(
    Object.fromEntries(
      names.map((name = "") => [
        name,
        fc.oneof(
          saneValue(schemaOf(name), name).map(String),
          oddString(schemaOf(name), name).map(wellFormed),
        ),
      ]),
    ),
  );
}

/** A URL carries UTF-8: a lone surrogate cannot reach a path parameter. */
const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, "\uFFFD");

/** Header values Request accepts: bytes, without NUL, CR or LF. */
const headerText = fc
  .string({ unit: "binary", maxLength: 200 })
  .map((text) =>
    [...text].map((char) => (char.charCodeAt(0) > 0xff || "\0\r\n".includes(char) ? "?" : char)).join(""),
  );

interface Call {
  query: [string, string][];
  params: Record<string, string>;
  body: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
}

function callFor(route: Operation, method: string, described: Described): fc.Arbitrary<Call> {
  return fc.record({
    query: queryFor(described),
    params: pathParametersFor(route, described),
    body: method === "get" ? fc.constant(undefined) : bodyFor(described),
    idempotencyKey: fc.oneof(
      { arbitrary: fc.uuid(), weight: 12 },
      { arbitrary: headerText, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
    contentType: fc.option(
      fc.constantFrom("application/json", "text/plain", "application/json; charset=latin1"),
      {
        nil: undefined,
      },
    ),
  });
}

async function send(route: Operation, method: string, call: Call): Promise<Response> {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params[name] ?? ""));
  const url = new URL(`http://test${path}`);
  for (const [name, value] of call.query) url.searchParams.append(name, value);
  const headers = new Headers({ authorization: `Bearer ${apiKey}` });
  if (call.idempotencyKey !== undefined) headers.set("idempotency-key", call.idempotencyKey);
  if (call.body !== undefined) headers.set("content-type", call.contentType ?? "application/json");
  const handler = ROUTES[route][method.toUpperCase()] as Handler;
  const request = new Request(url, { method: method.toUpperCase(), headers, body: call.body });
  return handler(request, { params: Promise.resolve(call.params) });
}

const ERROR_FIELDS = Object.keys(
  (openApiDocument.components.schemas.Error.properties.error as { properties: object }).properties,
);

/** No 5xx; a refusal is `{"error": {code, message, field?}}` with a status the operation documents. */
async function expectDocumentedAnswer(response: Response, described: Described, what: string): Promise<void> {
  const text = await response.text();
  const context = `${what} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  if (response.status === 304) return;
  if (response.status < 300) {
    if (!response.headers.get("content-type")?.startsWith("text/csv"))
      expect(() => JSON.parse(text), context).not.toThrow();
    return;
  }
  expect(Object.keys(described.responses), context).toContain(String(response.status));
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body), context).toEqual(["error"]);
  expect(typeof body.error.code, context).toBe("string");
  expect(String(body.error.message).trim().length, context).toBeGreaterThan(0);
  if ("field" in body.error) expect(typeof body.error.field, context).toBe("string");
  for (const name of Object.keys(body.error)) expect(ERROR_FIELDS, context).toContain(name);
}

const operations = Object.entries(openApiDocument.paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, described]) => ({
    route: route as Operation,
    method,
    described: described as Described,
  })),
);

/** Requests that once answered 500, kept so they stay fixed. */
const REGRESSIONS: Partial<Record<string, Call[]>> = {
  "GET /api/v1/redemptions": [
    {
      query: [["to", "0000-01-01"]],
      params: {},
      body: undefined,
      idempotencyKey: undefined,
      contentType: undefined,
    },
    {
      query: [["from", "0001-01-01T00:00:00+01:00"]],
      params: {},
      body: undefined,
      idempotencyKey: undefined,
      contentType: undefined,
    },
  ],
};

describe("the integration API under fuzzed requests", () => {
  it("has a handler for every operation the OpenAPI document describes", () => {
    for (const { route, method } of operations) {
      expect(ROUTES[route], route).toBeDefined();
      expect(typeof ROUTES[route][method.toUpperCase()], `${method} ${route}`).toBe("function");
    }
  });

  it.each(
    operations.map(
      (operation) => [`${operation.method.toUpperCase()} ${operation.route}`, operation] as const,
    ),
  )(
    "%s answers every request without a server error, refusals in the documented shape",
    async (name, { route, method, described }) => {
      await fc.assert(
        fc.asyncProperty(callFor(route, method, described), async (call) => {
          const response = await send(route, method, call);
          await expectDocumentedAnswer(response, described, `${name} ${JSON.stringify(call).slice(0, 500)}`);
        }),
        { ...fuzzParameters(), examples: (REGRESSIONS[name] ?? []).map((call): [Call] => [call]) },
      );
      const { db } = await database();
      await expectLedgerClean(db, org.id);
    },
  );
});
