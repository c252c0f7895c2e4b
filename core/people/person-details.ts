import { people } from "../../db/schema";
import type { Role } from "../shared/actor";

/** The columns that describe a person to admins: what the import and the edit form read and write. */
export const PERSON_DETAIL_COLUMNS = {
  id: people.id,
  name: people.name,
  email: people.email,
  roles: people.roles,
  managerId: people.managerId,
  department: people.department,
  costCenter: people.costCenter,
  externalEmployeeId: people.externalEmployeeId,
  birthday: people.birthday,
  hireDate: people.hireDate,
  active: people.active,
};

export interface PersonDetails {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  managerId: string | null;
  department: string | null;
  costCenter: string | null;
  externalEmployeeId: string | null;
  birthday: string | null;
  hireDate: string | null;
  active: boolean;
}
