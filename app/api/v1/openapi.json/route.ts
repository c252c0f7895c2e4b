import { openApiDocument } from "../openapi";

/** Public: the contract holds no secrets, and clients read it before they have a key. */
export function GET(): Response {
  return Response.json(openApiDocument);
}
