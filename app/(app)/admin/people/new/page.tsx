import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listPeople } from "@/core/people/list-people";
import { PersonForm } from "../_components/person-form";
import { EMPTY_PERSON, MANAGER_CHOICES, managerOption } from "../_components/person-form-data";
import { addPerson } from "./actions";

export const metadata: Metadata = { title: "Add a person · Admin · Plaudit" };

export default async function NewPersonPage() {
  const { db, actor } = await signedIn();
  const managers = await guarded(listPeople(db, actor, { active: true, limit: MANAGER_CHOICES }));
  return (
    <>
      <PageHeader
        title="Add a person"
        description="They can sign in as soon as they are added, with the email you give here."
        actions={
          <Link href="/admin/people" className={linkClass}>
            Back to people
          </Link>
        }
      />
      <Panel>
        <PersonForm
          action={addPerson}
          initial={EMPTY_PERSON}
          managerOptions={managers.items.map(managerOption)}
          currentManager={null}
          submitLabel="Add person"
          pendingLabel="Adding…"
        />
      </Panel>
    </>
  );
}
