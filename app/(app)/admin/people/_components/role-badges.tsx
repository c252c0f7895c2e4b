import type { Role } from "@/core/shared/actor";

const BADGE_CLASS: Record<Role, string> = {
  employee: "bg-stone-100 text-stone-700",
  manager: "bg-sky-50 text-sky-800",
  admin: "bg-amber-100 text-amber-900",
  finance: "bg-emerald-50 text-emerald-800",
};

/** A person's roles as badges; everyone is an employee, so that one is left out when there are others. */
export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const shown = roles.length > 1 ? roles.filter((role) => role !== "employee") : roles;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Roles">
      {shown.map((role) => (
        <li key={role} className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE_CLASS[role]}`}>
          {role}
        </li>
      ))}
    </ul>
  );
}
