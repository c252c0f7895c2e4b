import type { Role } from "../../core/shared/actor";

/** The demo organization: Acme, about 40 people in four departments. */
export const ACME = {
  name: "Acme",
  slug: "acme",
  timeZone: "America/New_York",
  currency: "USD",
  emailDomain: "acme.example",
} as const;

export type Department = "Operations" | "Engineering" | "Sales" | "Design";

export const COST_CENTERS: Record<Department, string> = {
  Operations: "OPS-100",
  Engineering: "ENG-200",
  Sales: "SAL-300",
  Design: "DES-400",
};

export interface StaffMember {
  name: string;
  department: Department;
  /** Name of their manager; the CEO has none. */
  manager?: string;
  roles?: Role[];
  /** Monthly allowance override; the org default otherwise. */
  allowance?: number;
  /** Weekdays ago they left the company; they appear in history before that. */
  leftDaysAgo?: number;
}

export const CEO = "Daniel Okafor";
/** The first admin, created with the org; the seed acts as them inside the org. */
export const ADMIN = "Priya Raman";
const MANAGER: Role[] = ["employee", "manager"];

/** Every manager comes before their reports. */
export const STAFF: readonly StaffMember[] = [
  { name: CEO, department: "Operations", roles: MANAGER, allowance: 300 },
  { name: ADMIN, department: "Operations", manager: CEO, roles: [...MANAGER, "admin"], allowance: 200 },
  { name: "Marcus Chen", department: "Operations", manager: ADMIN, roles: ["employee", "finance"] },
  { name: "Grace Liu", department: "Operations", manager: "Marcus Chen", roles: ["employee", "finance"] },
  { name: "Hannah Schmidt", department: "Operations", manager: ADMIN, roles: ["employee", "admin"] },
  { name: "Tomás Rivera", department: "Operations", manager: ADMIN },
  { name: "Olivia Bennett", department: "Operations", manager: ADMIN },
  { name: "Aisha Bello", department: "Engineering", manager: CEO, roles: MANAGER, allowance: 200 },
  {
    name: "Kenji Watanabe",
    department: "Engineering",
    manager: "Aisha Bello",
    roles: MANAGER,
    allowance: 150,
  },
  { name: "Lucas Moreau", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Sofia Rossi", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Ethan Park", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Nadia Haddad", department: "Engineering", manager: "Kenji Watanabe" },
  { name: "Sam Whitaker", department: "Engineering", manager: "Aisha Bello" },
  { name: "Mei Tanaka", department: "Engineering", manager: "Aisha Bello" },
  { name: "Oluwaseun Adeyemi", department: "Engineering", manager: "Aisha Bello" },
  { name: "Carlos Mendes", department: "Engineering", manager: "Aisha Bello" },
  { name: "Ingrid Johansson", department: "Engineering", manager: "Aisha Bello" },
  { name: "Ravi Patel", department: "Engineering", manager: "Aisha Bello" },
  { name: "Chloé Dubois", department: "Engineering", manager: "Aisha Bello" },
  { name: "Ben Goldberg", department: "Engineering", manager: "Aisha Bello", allowance: 50 },
  { name: "Rachel Morgan", department: "Sales", manager: CEO, roles: MANAGER, allowance: 200 },
  { name: "Diego Fernández", department: "Sales", manager: "Rachel Morgan" },
  { name: "Emily Nguyen", department: "Sales", manager: "Rachel Morgan" },
  { name: "Jamal Carter", department: "Sales", manager: "Rachel Morgan" },
  { name: "Laura Becker", department: "Sales", manager: "Rachel Morgan" },
  { name: "Noah Williams", department: "Sales", manager: "Rachel Morgan" },
  { name: "Zoe Kowalski", department: "Sales", manager: "Rachel Morgan" },
  { name: "Arjun Mehta", department: "Sales", manager: "Rachel Morgan" },
  { name: "Isabel Costa", department: "Sales", manager: "Rachel Morgan" },
  { name: "Jordan Blake", department: "Sales", manager: "Rachel Morgan", leftDaysAgo: 15 },
  { name: "Yuki Sato", department: "Design", manager: CEO, roles: MANAGER, allowance: 200 },
  { name: "Amara Osei", department: "Design", manager: "Yuki Sato" },
  { name: "Felix Wagner", department: "Design", manager: "Yuki Sato" },
  { name: "Lena Petrova", department: "Design", manager: "Yuki Sato" },
  { name: "Mateo Silva", department: "Design", manager: "Yuki Sato" },
  { name: "Hana Kim", department: "Design", manager: "Yuki Sato" },
  { name: "Oscar Lindqvist", department: "Design", manager: "Yuki Sato" },
  // A contractor: receives thanks but has no allowance to give.
  { name: "Freya Jensen", department: "Design", manager: "Yuki Sato", allowance: 0 },
];

/** A bot account, as a Slack integration would add one: shown in the org, never thanked. */
export const BOT = { name: "Standup Bot", email: `standup-bot@${ACME.emailDomain}` } as const;
