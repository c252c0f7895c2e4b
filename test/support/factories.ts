import { randomUUID } from "node:crypto";
import { createOrganization } from "../../core/org/create-organization";
import type { Actor, Role } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { companyValues, organizations, people } from "../../db/schema";

type OrgSettings = Partial<typeof organizations.$inferInsert>;

export interface TestPerson {
  id: string;
  name: string;
  actor: Actor & { kind: "person" };
}

export interface TestOrg {
  id: string;
  slug: string;
  admin: TestPerson;
  system: Actor;
  addPerson: (options?: PersonOptions) => Promise<TestPerson>;
  addPeople: (count: number, options?: PersonOptions) => Promise<TestPerson[]>;
  addValues: (...names: string[]) => Promise<void>;
}

export interface PersonOptions {
  name?: string;
  roles?: Role[];
  managerId?: string;
  department?: string;
  active?: boolean;
  isBot?: boolean;
}

/** A fresh org with its own slug, so tests sharing a worker database never see each other's rows. */
export async function createTestOrg(db: Database, settings: OrgSettings = {}): Promise<TestOrg> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const { orgId, adminId } = await createOrganization(
    db,
    { kind: "operator" },
    { name: `Org ${slug}`, slug, admin: { name: "Admin", email: `admin@${slug}.test` } },
  );
  if (Object.keys(settings).length > 0) {
    const { eq } = await import("drizzle-orm");
    await db.update(organizations).set(settings).where(eq(organizations.id, orgId));
  }
  let counter = 0;
  const toPerson = (id: string, name: string, roles: Role[]): TestPerson => ({
    id,
    name,
    actor: { kind: "person", orgId, personId: id, roles },
  });
  const addPeople = async (count: number, options: PersonOptions = {}): Promise<TestPerson[]> => {
    const roles = options.roles ?? ["employee"];
    const rows = Array.from({ length: count }, () => {
      counter += 1;
      const name = options.name && count === 1 ? options.name : `Person ${counter}`;
      return {
        orgId,
        name,
        email: `p${counter}-${randomUUID().slice(0, 8)}@${slug}.test`,
        roles,
        managerId: options.managerId,
        department: options.department,
        active: options.active ?? true,
        isBot: options.isBot ?? false,
      };
    });
    const inserted = await db.insert(people).values(rows).returning({ id: people.id, name: people.name });
    return inserted.map((row) => toPerson(row.id, row.name, roles));
  };
  return {
    id: orgId,
    slug,
    admin: toPerson(adminId, "Admin", ["employee", "admin"]),
    system: { kind: "system", orgId },
    addPeople,
    addPerson: async (options) => {
      const [person] = await addPeople(1, options);
      if (!person) throw new Error("no person created");
      return person;
    },
    addValues: async (...names) => {
      await db.insert(companyValues).values(names.map((name) => ({ orgId, name })));
    },
  };
}

export function key(): string {
  return randomUUID();
}
