import { type ApiKeyAuthentication, authenticateApiKey } from "@/core/org/authenticate-api-key";
import { DomainError } from "@/core/shared/errors";
import type { Executor } from "@/db/client";

const BEARER = /^Bearer +(\S+) *$/i;

/** The org a request acts for, from its `Authorization: Bearer <key>` header. */
export function authenticateRequest(db: Executor, request: Request): Promise<ApiKeyAuthentication> {
  const key = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!key) {
    throw new DomainError("unauthenticated", "Send an API key in the Authorization header: Bearer <key>.");
  }
  return authenticateApiKey(db, key);
}
