import { expect } from "vitest";
import { openApiDocument } from "../../app/api/v1/openapi";
import { createApiKey } from "../../core/org/create-api-key";
import { API_SCOPES, type ApiScope } from "../../core/shared/api-scopes";
import type { Database } from "../../db/client";
import { defined } from "./assertions";
import { createTestOrg, type TestOrg } from "./factories";

/** A small client that calls the integration API's exported route handlers the way Next.js does. */

export interface Answer<Body> {
  status: number;
  body: Body;
  text: string;
  headers: Headers;
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface PageOf<Item> {
  data: Item[];
  next_cursor: string | null;
}

export async function answer<Body>(response: Promise<Response>): Promise<Answer<Body>> {
  const settled = await response;
  const text = await settled.text();
  return { status: settled.status, body: JSON.parse(text) as Body, text, headers: settled.headers };
}

export interface RequestOptions {
  key?: string;
  method?: string;
  body?: unknown;
  /** Sent as it is, for bodies that are not JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export function apiRequest(route: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  return new Request(`http://test/api/v1${route}`, { method, headers, body });
}

/** A fresh org with an API key created by its admin, with every scope unless told which. */
export async function orgWithKey(
  db: Database,
  settings: Parameters<typeof createTestOrg>[1] = {},
  scopes: readonly ApiScope[] = API_SCOPES,
): Promise<{ org: TestOrg; apiKey: string }> {
  const org = await createTestOrg(db, settings);
  const created = await createApiKey(db, org.admin.actor, { name: "HR sync", scopes: [...scopes] });
  return { org, apiKey: created.key };
}

export type SchemaName = keyof typeof openApiDocument.components.schemas;

/** The object has exactly the properties the OpenAPI document gives its schema. */
export function expectShape(value: unknown, schema: SchemaName): void {
  const described = openApiDocument.components.schemas[schema] as { properties?: object };
  expect(Object.keys(value as object).sort()).toEqual(Object.keys(defined(described.properties)).sort());
}

export function expectError(
  answer: Answer<unknown>,
  status: number,
  code: string,
  field?: string,
): ErrorBody["error"] {
  expect(answer.status, answer.text).toBe(status);
  const { error } = answer.body as ErrorBody;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.field).toBe(field);
  expect(Object.keys(answer.body as object)).toEqual(["error"]);
  return error;
}
