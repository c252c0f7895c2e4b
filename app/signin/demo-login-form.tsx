import { buttonClass, inputClass } from "@/app/_components/styles";
import type { Role } from "@/core/shared/actor";
import type { DemoPerson } from "@/core/sign-in/list-demo-people";

const ROLE_ORDER: { role: Role; label: string }[] = [
  { role: "admin", label: "Admins" },
  { role: "finance", label: "Finance" },
  { role: "manager", label: "Managers" },
  { role: "employee", label: "Employees" },
];

/** Each person once, under their most senior role, so the list reads as "who to try". */
function groupByRole(people: DemoPerson[]) {
  const seen = new Set<string>();
  return ROLE_ORDER.map(({ role, label }) => {
    const members = people.filter((person) => person.roles.includes(role) && !seen.has(person.id));
    for (const member of members) seen.add(member.id);
    return { label, members };
  }).filter((group) => group.members.length > 0);
}

export function DemoLoginForm({
  people,
  action,
  separated,
}: {
  people: DemoPerson[];
  action: (form: FormData) => Promise<void>;
  separated: boolean;
}) {
  const orgs = new Set(people.map((person) => person.orgName));
  return (
    <form
      action={action}
      className={`space-y-3 ${separated ? "mt-6 border-t border-stone-200 pt-6" : "mt-6"}`}
    >
      <div className="space-y-1">
        <label htmlFor="personId" className="block text-sm font-medium">
          Demo login: choose who to be
        </label>
        <select id="personId" name="personId" required className={inputClass}>
          {groupByRole(people).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.members.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                  {person.department ? ` · ${person.department}` : ""}
                  {orgs.size > 1 ? ` (${person.orgName})` : ""}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p className="text-sm text-stone-500">
          Demo data only: anyone can act as anyone. Turned off in production unless enabled.
        </p>
      </div>
      <button type="submit" className={`w-full ${buttonClass}`}>
        Continue
      </button>
    </form>
  );
}
