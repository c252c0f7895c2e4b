import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

/** A refusal in Tremendous's shape: `{status, errors: {message, payload}}`, payload naming the fields. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly payload: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** `["reward", "value", "denomination"]` and a message -> `{reward: {value: {denomination: message}}}`. */
export function payloadAt(path: readonly PropertyKey[], message: string): Record<string, unknown> {
  const [first = "base", ...rest] = path;
  return { [String(first)]: rest.reduceRight<unknown>((inner, key) => ({ [String(key)]: inner }), message) };
}

/** Tremendous's 422 for one field: the message, and a payload naming where it failed. */
export const invalidField = (path: readonly PropertyKey[], message: string) =>
  new ApiRefusal(422, message, payloadAt(path, message));

/** The body as `schema` reads it, or Tremendous's 422 naming the first field that failed. */
export function parseOrRefuse<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path ?? [];
  throw invalidField(path, `${path.length > 0 ? `${path.join(".")}: ` : ""}${issue?.message ?? "invalid"}`);
}

const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiRefusal(413, "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The JSON body of a request, `{}` when empty; malformed JSON is Tremendous's 400. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiRefusal(400, "The request body is not valid JSON.");
  }
}

export function send(
  response: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": contentType, ...headers });
  response.end(body);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(response, status, JSON.stringify(body), "application/json; charset=utf-8", headers);
}

export function sendRefusal(response: ServerResponse, refusal: ApiRefusal): void {
  sendJson(response, refusal.status, {
    status: refusal.status,
    errors: { message: refusal.message, payload: refusal.payload },
  });
}
