import { invalidCursor, isDatabaseTime } from "../shared/cursor";
import { isId } from "../shared/validation";

/** Where a page of the feed starts: after the item with this time and id. */
export interface FeedPosition {
  createdAt: string;
  id: string;
}

// Keyset cursor: the (created_at, id) of the last row shown. Offsets would rescan every earlier row.
export function encodeFeedCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString("base64url");
}

export function decodeFeedCursor(cursor: string): FeedPosition {
  const [createdAt, id, ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!createdAt || !id || rest.length > 0 || !isDatabaseTime(createdAt) || !isId(id)) throw invalidCursor();
  return { createdAt, id };
}
