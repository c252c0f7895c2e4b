import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { text } from "../shared/validation";

/** The longest comment, in characters. */
export const COMMENT_MAX_LENGTH = 1000;

/** A comment's words, as typed on the web or in a Slack thread. */
export const commentBody = text()
  .trim()
  .min(1, "Write a comment first.")
  .max(
    COMMENT_MAX_LENGTH,
    `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en-US")} characters.`,
  );

/** A comment as it is shown under a recognition. */
export interface CommentView {
  id: string;
  author: { id: string; name: string };
  body: string;
  /** A reply in the recognition's Slack thread, or a comment written on the web. */
  source: "web" | "slack";
  createdAt: string;
}

/** A recognition's comments, oldest first: a conversation reads down. */
export async function commentsOn(db: Executor, orgId: string, recognitionId: string): Promise<CommentView[]> {
  const rows = await db.execute<{
    id: string;
    author_id: string;
    author_name: string;
    body: string;
    source: CommentView["source"];
    created_at: string;
  }>(sql`
    select c.id, c.author_id, p.name as author_name, c.body, c.source, to_json(c.created_at) #>> '{}' as created_at
    from recognition_comments c
    join people p on p.org_id = c.org_id and p.id = c.author_id
    where c.org_id = ${orgId}::uuid and c.recognition_id = ${recognitionId}::uuid
    order by c.created_at, c.id`);
  return rows.map((row) => ({
    id: row.id,
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    source: row.source,
    createdAt: row.created_at,
  }));
}
