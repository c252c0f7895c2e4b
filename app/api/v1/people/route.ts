import { readJsonBody } from "@/app/_lib/api/body";
import { inApiTerms } from "@/app/_lib/api/fields";
import { booleanParam, textParam, wholeNumberParam } from "@/app/_lib/api/query";
import { personJson } from "@/app/_lib/api/representations";
import { apiCall, jsonResponse } from "@/app/_lib/api/respond";
import { listPeople } from "@/core/people/list-people";
import { type UpsertPersonInput, upsertPerson } from "@/core/people/upsert-person";

const LIST_FIELDS = {
  cursor: "cursor",
  limit: "limit",
  q: "q",
  email: "email",
  external_id: "externalEmployeeId",
  active: "active",
};

const UPSERT_FIELDS = {
  email: "email",
  external_id: "externalEmployeeId",
  name: "name",
  roles: "roles",
  manager_email: "managerEmail",
  department: "department",
  cost_center: "costCenter",
  birthday: "birthday",
  hire_date: "hireDate",
  active: "active",
};

/** The org's people by name, inactive ones included unless `active` says otherwise. */
export function GET(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor, query }) => {
    const page = await inApiTerms(
      LIST_FIELDS,
      listPeople(db, actor, {
        cursor: textParam(query, "cursor"),
        limit: wholeNumberParam(query, "limit"),
        q: textParam(query, "q"),
        email: textParam(query, "email"),
        externalEmployeeId: textParam(query, "external_id"),
        active: booleanParam(query, "active"),
      }),
    );
    return jsonResponse({ data: page.items.map(personJson), next_cursor: page.nextCursor });
  });
}

/** Creates the person (201) or brings an existing one in line with the request (200). */
export function POST(request: Request): Promise<Response> {
  return apiCall(request, async ({ db, actor }) => {
    const input = await readJsonBody<UpsertPersonInput>(request, UPSERT_FIELDS);
    const { person, created } = await inApiTerms(UPSERT_FIELDS, upsertPerson(db, actor, input));
    return jsonResponse({ data: personJson(person) }, created ? 201 : 200);
  });
}
