"use client";

import { type ChangeEvent, useActionState, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { checkboxClass, inputClass } from "@/app/_components/styles";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import type { Role } from "@/core/shared/actor";
import { ManagerPicker } from "./manager-picker";
import type { ManagerOption, PersonFormValues } from "./person-form-data";

type TextField =
  | "name"
  | "email"
  | "department"
  | "costCenter"
  | "externalEmployeeId"
  | "birthday"
  | "hireDate";

const EXTRA_ROLES: { role: Role; label: string; hint: string }[] = [
  { role: "manager", label: "Manager", hint: "sets allowances and boosts for their reporting line" },
  { role: "admin", label: "Admin", hint: "runs the org: settings, people, values, audit log" },
  { role: "finance", label: "Finance", hint: "exports bills and sees the points liability" },
];

/**
 * The add and edit form for a person. Controlled, so that what was typed survives a refused submit; the
 * use case's message for each field appears beside it.
 */
export function PersonForm({
  action,
  initial,
  personId,
  managerOptions,
  currentManager,
  submitLabel,
  pendingLabel,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  initial: PersonFormValues;
  /** Set when editing an existing person. */
  personId?: string;
  managerOptions: readonly ManagerOption[];
  currentManager: ManagerOption | null;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const [values, setValues] = useState(initial);
  const errorOf = (field: string) => (state.status === "error" ? state.fieldErrors[field] : undefined);

  function text(field: TextField, id: string, label: string, options: { hint?: string; type?: string } = {}) {
    const error = errorOf(field);
    return (
      <Field id={id} label={label} hint={options.hint} error={error}>
        <input
          id={id}
          name={field}
          type={options.type ?? "text"}
          autoComplete="off"
          value={values[field] ?? ""}
          onChange={(event: ChangeEvent<HTMLInputElement>) =>
            setValues((current) => ({ ...current, [field]: event.target.value }))
          }
          className={inputClass}
          {...(options.hint ? describedBy(id, error) : describedBy(id, error))}
        />
      </Field>
    );
  }

  function toggleRole(role: Role, checked: boolean) {
    setValues((current) => ({
      ...current,
      roles: checked ? [...current.roles, role] : current.roles.filter((held) => held !== role),
    }));
  }

  const rolesError = errorOf("roles");
  return (
    // The use cases validate, so their messages appear beside the fields instead of the browser's.
    <form action={formAction} noValidate className="space-y-6">
      {personId ? <input type="hidden" name="personId" value={personId} /> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        {text("name", "person-name", "Name")}
        {text("email", "person-email", "Email", { type: "email", hint: "They sign in with this address." })}
      </div>

      <fieldset aria-describedby={rolesError ? "person-roles-error" : "person-roles-hint"}>
        <legend className="text-sm font-medium text-stone-800">Roles</legend>
        <p id="person-roles-hint" className="text-sm text-stone-500">
          Everyone is an employee: they give and receive points.
        </p>
        <ul className="mt-2 space-y-2">
          <li>
            <label className="inline-flex items-center gap-2 text-sm text-stone-500">
              <input type="checkbox" checked disabled className={checkboxClass} />
              Employee
            </label>
          </li>
          {EXTRA_ROLES.map(({ role, label, hint }) => (
            <li key={role}>
              <label className="inline-flex items-start gap-2 text-sm text-stone-800">
                <input
                  type="checkbox"
                  name="roles"
                  value={role}
                  checked={values.roles.includes(role)}
                  onChange={(event) => toggleRole(role, event.target.checked)}
                  className={`${checkboxClass} mt-0.5`}
                />
                <span>
                  <span className="font-medium">{label}</span>{" "}
                  <span className="text-stone-500">({hint})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {rolesError ? (
          <p id="person-roles-error" className="mt-1 text-sm text-red-700">
            {rolesError}
          </p>
        ) : null}
      </fieldset>

      <ManagerPicker
        id="person-manager"
        value={values.managerId}
        onChange={(managerId) => setValues((current) => ({ ...current, managerId }))}
        initialOptions={managerOptions}
        current={currentManager}
        excludeId={personId}
        error={errorOf("managerId")}
      />

      <div className="grid gap-5 sm:grid-cols-2">
        {text("department", "person-department", "Department")}
        {text("costCenter", "person-cost-center", "Cost center", {
          hint: "Appears on the monthly redemption bill.",
        })}
        {text("externalEmployeeId", "person-external-id", "External employee id", {
          hint: "The HR system's id; CSV imports match people on it.",
        })}
        {text("hireDate", "person-hire-date", "Hire date", {
          type: "date",
          hint: "Work anniversaries count from it, when the org celebrates them.",
        })}
        {text("birthday", "person-birthday", "Birthday", {
          type: "date",
          hint: "Only the month and day are ever shown, to anyone; the year stays on this form.",
        })}
      </div>

      <FormMessage state={state} />
      <SubmitButton pending={pendingLabel}>{submitLabel}</SubmitButton>
    </form>
  );
}
