import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";

const spotAwardsInput = z.object({
  limit: z.number().int().min(1).max(50).default(10),
});

export interface SpotAward {
  recognitionId: string;
  createdAt: string;
  message: string;
  amountPerRecipient: number;
  totalAmount: number;
  /** Null when an API key or the operator made the grant. */
  awardedBy: { id: string; name: string } | null;
  recipients: { id: string; name: string }[];
}

type Row = {
  recognition_id: string;
  created_at: string;
  message: string;
  amount_per_recipient: number;
  total_amount: number;
  awarded_by_id: string | null;
  awarded_by_name: string | null;
  recipients: SpotAward["recipients"] | null;
};

/** The org's latest company grants, newest first, for the admins who make them. */
export async function listSpotAwards(
  db: Executor,
  actor: Actor,
  input: z.input<typeof spotAwardsInput> = {},
): Promise<{ awards: SpotAward[]; pointValue: PointValue }> {
  authorize(actor, "grant_points");
  const orgId = actorOrgId(actor);
  const request = parseInput(spotAwardsInput, input);
  const org = await loadOrgContext(db, orgId);
  // Company grants are the recognitions with no giver; the giver index finds them newest first.
  const rows = await db.execute<Row>(sql`
    select r.id as recognition_id, to_json(r.created_at) #>> '{}' as created_at, r.message,
           r.amount_per_recipient, r.total_amount, a.id as awarded_by_id, a.name as awarded_by_name,
           (select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name)
              from recognition_recipients rr join people p on p.org_id = rr.org_id and p.id = rr.person_id
              where rr.recognition_id = r.id) as recipients
    from recognitions r
    join ledger_transactions t on t.org_id = r.org_id and t.id = r.transaction_id
    left join people a on a.org_id = t.org_id and a.id = t.actor_person_id
    where r.org_id = ${orgId}::uuid and r.giver_id is null and t.kind = 'grant'
      -- Birthdays and anniversaries are Plaudit's own grants, not awards an admin made.
      and not exists (select 1 from celebrations c where c.org_id = r.org_id and c.recognition_id = r.id)
    order by r.created_at desc nulls last, r.id desc nulls last
    limit ${request.limit}`);
  return {
    awards: rows.map((row) => ({
      recognitionId: row.recognition_id,
      createdAt: row.created_at,
      message: row.message,
      amountPerRecipient: row.amount_per_recipient,
      totalAmount: row.total_amount,
      awardedBy:
        row.awarded_by_id && row.awarded_by_name
          ? { id: row.awarded_by_id, name: row.awarded_by_name }
          : null,
      recipients: row.recipients ?? [],
    })),
    pointValue: org.pointValue,
  };
}
