import { textField } from "@/app/_lib/form-state";
import type { PersonDetails } from "@/core/people/person-details";
import type { Role } from "@/core/shared/actor";

/** What the person form shows and posts; field names match the use cases' inputs, so their errors line up. */
export type PersonFormValues = Omit<PersonDetails, "id" | "active">;

/** How many active people the manager picker lists before a search. */
export const MANAGER_CHOICES = 50;

/** A choice in the manager picker. */
export interface ManagerOption {
  id: string;
  label: string;
}

export function managerOption(person: { id: string; name: string; email: string }): ManagerOption {
  return { id: person.id, label: `${person.name} (${person.email})` };
}

export const EMPTY_PERSON: PersonFormValues = {
  name: "",
  email: "",
  roles: ["employee"],
  managerId: null,
  department: null,
  costCenter: null,
  externalEmployeeId: null,
  birthday: null,
  hireDate: null,
};

/**
 * The submitted person form as createPerson and updatePerson take it. Every field is sent, and a blank one
 * as null, so that emptying a field in the edit form clears it. Formats and lengths are the use cases' to check.
 */
export function personFromForm(form: FormData): PersonFormValues {
  const orNull = (name: string) => textField(form, name) ?? null;
  return {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    // Unknown roles are refused by the use case, beside the roles field.
    roles: form.getAll("roles").map(String) as Role[],
    managerId: orNull("managerId"),
    department: orNull("department"),
    costCenter: orNull("costCenter"),
    externalEmployeeId: orNull("externalEmployeeId"),
    birthday: orNull("birthday"),
    hireDate: orNull("hireDate"),
  };
}
