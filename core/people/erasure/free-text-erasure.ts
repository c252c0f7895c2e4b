import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { arrayLiteral } from "../../shared/sql-array";
import { ERASED_TEXT } from "./erased-identity";
import { mentionPatterns, type Redaction, redactMentions } from "./redaction";

/** The recognitions the person gave or received (SQL). */
function theirRecognitions({ orgId, personId }: Redaction["identity"]): SQL {
  return sql`(giver_id = ${personId}::uuid or id in (
    select recognition_id from recognition_recipients
    where org_id = ${orgId}::uuid and person_id = ${personId}::uuid))`;
}

/**
 * The messages of the recognitions the person gave or received, replaced whole: their own words, or
 * words about them. A recognition of several people loses its message for all of them, because no rule
 * can tell which part of a message is about whom. Amounts, recipients and values stay.
 */
export async function eraseRecognitionMessages(tx: Executor, { identity }: Redaction): Promise<number> {
  const { orgId } = identity;
  const rows = await tx.execute(sql`
    update recognitions set message = ${ERASED_TEXT}
    where org_id = ${orgId}::uuid and message <> ${ERASED_TEXT} and ${theirRecognitions(identity)}
    returning 1`);
  return rows.length;
}

/**
 * The comments the person wrote, and every comment under a recognition they gave or received, replaced
 * whole: their own words, or words about them, as with the recognitions' messages.
 */
export async function eraseComments(tx: Executor, { identity }: Redaction): Promise<number> {
  const { orgId, personId } = identity;
  const rows = await tx.execute(sql`
    update recognition_comments set body = ${ERASED_TEXT}
    where org_id = ${orgId}::uuid and body <> ${ERASED_TEXT}
      and (author_id = ${personId}::uuid or recognition_id in (
        select id from recognitions where org_id = ${orgId}::uuid and ${theirRecognitions(identity)}))
    returning 1`);
  return rows.length;
}

/**
 * Other recognitions and comments of the org that mention the person (a Slack mention, their email, their
 * full name), with the mention replaced by their placeholder and the rest kept. Their own are replaced
 * whole by eraseRecognitionMessages and eraseComments, which run after this.
 */
export async function eraseMentions(tx: Executor, redaction: Redaction): Promise<number> {
  const { orgId } = redaction.identity;
  const theirs = theirRecognitions(redaction.identity);
  const inRecognitions = await redactMentionsIn(tx, redaction, {
    table: "recognitions",
    text: "message",
    skip: theirs,
  });
  const inComments = await redactMentionsIn(tx, redaction, {
    table: "recognition_comments",
    text: "body",
    skip: sql`(author_id = ${redaction.identity.personId}::uuid or recognition_id in (
      select id from recognitions where org_id = ${orgId}::uuid and ${theirs}))`,
  });
  return inRecognitions + inComments;
}

/** Replaces the person's mentions in one table's text column, for the org's rows but those `skip` names. */
async function redactMentionsIn(
  tx: Executor,
  redaction: Redaction,
  where: { table: "recognitions" | "recognition_comments"; text: "message" | "body"; skip: SQL },
): Promise<number> {
  const { orgId } = redaction.identity;
  const table = sql.identifier(where.table);
  const text = sql.identifier(where.text);
  const candidates = await tx.execute<{ id: string; text: string }>(sql`
    select id, ${text} as text from ${table}
    where org_id = ${orgId}::uuid and ${text} ilike any (${arrayLiteral(mentionPatterns(redaction))}::text[])
      and not ${where.skip}`);
  const changed = candidates
    .map((row) => ({ id: row.id, text: redactMentions(row.text, redaction) }))
    .filter((row, index) => row.text !== candidates[index]?.text);
  if (changed.length === 0) return 0;
  await tx.execute(sql`
    update ${table} r set ${text} = v.text
    from unnest(${arrayLiteral(changed.map((row) => row.id))}::uuid[],
                ${arrayLiteral(changed.map((row) => row.text))}::text[]) as v(id, text)
    where r.org_id = ${orgId}::uuid and r.id = v.id`);
  return changed.length;
}

/**
 * The memos of the ledger transactions that moved the person's points and hold words about them: a spot
 * award's message, or a memo naming them (forfeits once did). A memo the product writes itself (a
 * redemption's reward, a forfeit) stays. The ledger refuses any change to a transaction but this one,
 * and only from a database transaction marked as an erasure (see the ledger_memo_erasure migration).
 */
export async function eraseLedgerMemos(tx: Executor, { identity }: Redaction): Promise<number> {
  const { orgId, personId, name } = identity;
  await tx.execute(sql`select set_config('plaudit.erasing', 'on', true)`);
  const rows = await tx.execute(sql`
    update ledger_transactions set memo = ${ERASED_TEXT}
    where org_id = ${orgId}::uuid and memo is not null and memo <> ${ERASED_TEXT}
      and (kind = 'grant' or strpos(memo, ${name}) > 0)
      and id in (
        select e.transaction_id from ledger_entries e
        join ledger_accounts a on a.org_id = e.org_id and a.id = e.account_id
        where a.org_id = ${orgId}::uuid and a.person_id = ${personId}::uuid)
    returning 1`);
  await tx.execute(sql`select set_config('plaudit.erasing', '', true)`);
  return rows.length;
}

/** Why a manager or admin boosted the person's allowance: written about them. */
export async function eraseBoostReasons(tx: Executor, { identity }: Redaction): Promise<number> {
  const rows = await tx.execute(sql`
    update allowance_boosts set reason = ${ERASED_TEXT}
    where org_id = ${identity.orgId}::uuid and person_id = ${identity.personId}::uuid
      and reason is not null and reason <> ${ERASED_TEXT}
    returning 1`);
  return rows.length;
}
