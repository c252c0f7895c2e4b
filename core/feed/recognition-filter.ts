import { type SQL, sql } from "drizzle-orm";
import { normaliseValueName } from "../values/value-names";
import { visibleTo } from "./recognition-lookup";

export interface RecognitionFilter {
  value?: string;
  department?: string;
  receivedBy?: string;
  givenBy?: string;
  /** Received or given by this person. */
  involving?: string;
}

/** What a page of recognitions shows `viewerId` (no one, for an org-level actor) under `filter`. */
export function filterClauses(orgId: string, filter: RecognitionFilter, viewerId: string | undefined): SQL[] {
  const clauses: SQL[] = [visibleTo(orgId, viewerId)];
  const recipientIn = (personId: string) => sql`r.id in (
    select recognition_id from recognition_recipients where org_id = ${orgId}::uuid and person_id = ${personId}::uuid)`;
  if (filter.value) {
    clauses.push(sql`exists (select 1 from recognition_values rv join company_values v on v.id = rv.value_id
      where rv.recognition_id = r.id and v.org_id = ${orgId}::uuid and v.name = ${normaliseValueName(filter.value)})`);
  }
  if (filter.department) {
    clauses.push(sql`exists (select 1 from recognition_recipients rr
      join people p on p.org_id = rr.org_id and p.id = rr.person_id
      where rr.recognition_id = r.id and p.department = ${filter.department})`);
  }
  if (filter.receivedBy) clauses.push(recipientIn(filter.receivedBy));
  if (filter.givenBy) clauses.push(sql`r.giver_id = ${filter.givenBy}::uuid`);
  // The feed shows an add-on on the recognition it adds to; a person's own history lists it too.
  if (!filter.receivedBy && !filter.givenBy && !filter.involving) clauses.push(sql`r.add_on_to is null`);
  if (filter.involving) {
    clauses.push(sql`(r.giver_id = ${filter.involving}::uuid or ${recipientIn(filter.involving)})`);
  }
  return clauses;
}
