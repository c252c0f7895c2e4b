import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { emailPattern, identifyingValues, type Redaction, redactRecord } from "./redaction";

/** A JSON column holding one of the person's identifiers anywhere in it (SQL). */
function holdsIdentifier(column: SQL, redaction: Redaction): SQL {
  const values = JSON.stringify(identifyingValues(redaction));
  return sql`(jsonb_path_exists(${column}, 'lax $.** ? (@ == $v[*])', jsonb_build_object('v', ${values}::jsonb))
    or ${column}::text ilike ${emailPattern(redaction)})`;
}

/** A JSON value as a parameter; SQL null stays null rather than becoming JSON's `null`. */
const jsonb = (value: unknown): SQL => (value === null ? sql`null` : sql`${JSON.stringify(value)}::jsonb`);

/**
 * Audit entries about the person (their own entries, decisions on their redemptions, spot awards they
 * received) have every personal field replaced; any other entry holding their name, email or ids (an
 * org created with them as its first admin, a Slack workspace they installed) has those values
 * replaced. Who did what, when, and every figure stay.
 */
export async function eraseAuditCopies(tx: Executor, redaction: Redaction): Promise<number> {
  const { orgId, personId } = redaction.identity;
  const aboutThem = sql`(
    (target_type = 'person' and target_id = ${personId})
    or (target_type = 'redemption' and target_id in (
      select id::text from redemptions where org_id = ${orgId}::uuid and person_id = ${personId}::uuid))
    or (target_type = 'recognition' and target_id in (
      select recognition_id::text from recognition_recipients
      where org_id = ${orgId}::uuid and person_id = ${personId}::uuid)))`;
  const candidates = await tx.execute<{
    id: string;
    before: unknown;
    after: unknown;
    about_them: boolean;
  }>(sql`
    select id, before, after, ${aboutThem} as about_them from audit_log
    where org_id = ${orgId}::uuid
      and (${aboutThem} or ${holdsIdentifier(sql`before`, redaction)} or ${holdsIdentifier(sql`after`, redaction)})`);
  let changed = 0;
  for (const entry of candidates) {
    const before = redactRecord(entry.before, redaction, entry.about_them);
    const after = redactRecord(entry.after, redaction, entry.about_them);
    if (JSON.stringify([before, after]) === JSON.stringify([entry.before, entry.after])) continue;
    await tx.execute(sql`
      update audit_log set before = ${jsonb(before)}, after = ${jsonb(after)}
      where org_id = ${orgId}::uuid and id = ${entry.id}`);
    changed += 1;
  }
  return changed;
}

/**
 * Notices to the person are removed: there is no one to send them to, and a sent one is a copy of what
 * they were told. Notices to others that name them (an approver told who asks) have the name replaced.
 */
export async function eraseNotices(
  tx: Executor,
  redaction: Redaction,
): Promise<{ removed: number; redacted: number }> {
  const { orgId, personId } = redaction.identity;
  const removed = await tx.execute(sql`
    delete from notifications where org_id = ${orgId}::uuid and person_id = ${personId}::uuid returning 1`);
  const candidates = await tx.execute<{ id: string; payload: unknown }>(sql`
    select id, payload from notifications
    where org_id = ${orgId}::uuid and ${holdsIdentifier(sql`payload`, redaction)}`);
  let redacted = 0;
  for (const notice of candidates) {
    const payload = redactRecord(notice.payload, redaction, false);
    if (JSON.stringify(payload) === JSON.stringify(notice.payload)) continue;
    await tx.execute(sql`
      update notifications set payload = ${jsonb(payload)}
      where org_id = ${orgId}::uuid and id = ${notice.id}`);
    redacted += 1;
  }
  return { removed: removed.length, redacted };
}

/**
 * The record of each birthday and work anniversary celebrated: its day is their birthday's month and
 * day. It only kept a celebration from happening twice, and an erased person is never celebrated again.
 */
export async function eraseCelebrations(tx: Executor, redaction: Redaction): Promise<number> {
  const { orgId, personId } = redaction.identity;
  const removed = await tx.execute(sql`
    delete from celebrations where org_id = ${orgId}::uuid and person_id = ${personId}::uuid returning 1`);
  return removed.length;
}
