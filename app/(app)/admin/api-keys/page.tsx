import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { ScrollBox } from "@/app/_components/scroll-box";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listApiKeys } from "@/core/org/list-api-keys";
import { getDisplayNames } from "@/core/people/get-display-names";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/core/shared/api-scopes";
import { ConfirmForm } from "../_components/confirm-form";
import { formatInZone } from "../_components/format-time";
import { revokeKey } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata: Metadata = { title: "API keys · Admin · Plaudit" };

export default async function ApiKeysPage() {
  const { db, actor, org } = await signedIn();
  const keys = await guarded(listApiKeys(db, actor));
  const creatorIds = keys.flatMap((key) => (key.createdBy ? [key.createdBy] : []));
  const names = await guarded(getDisplayNames(db, actor, { people: creatorIds }));
  const when = (at: Date) => formatInZone(at, org.timeZone);

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let your other systems (an HR platform, a payroll sync) use the Plaudit API as your
            organization, doing only what their scopes allow. Send one as{" "}
            <code className="text-sm">Authorization: Bearer …</code>. See the{" "}
            <a href="/api/v1/openapi.json" className={linkClass}>
              API reference (OpenAPI)
            </a>
            .
          </>
        }
      />
      <div className="space-y-6">
        <Panel title="Create a key">
          <CreateKeyForm
            scopeChoices={API_SCOPES.map((scope) => ({ scope, description: API_SCOPE_DESCRIPTIONS[scope] }))}
          />
        </Panel>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet.">Create one for your HR system.</EmptyState>
        ) : (
          <Panel title="Keys">
            <ScrollBox label="API keys" className="-mx-5 px-5">
              <table className="w-full min-w-[48rem] text-left text-sm">
                <thead className="text-xs text-stone-500">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Name
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Key
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Scopes
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Created
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Last used
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {keys.map((key) => (
                    <tr key={key.id} className={`align-top ${key.revokedAt ? "text-stone-500" : ""}`}>
                      <th scope="row" className="py-3 pr-4 font-medium break-words">
                        {key.name}
                      </th>
                      <td className="py-3 pr-4">
                        <code className="font-mono text-xs whitespace-nowrap">{key.prefix}…</code>
                      </td>
                      <td className="py-3 pr-4">
                        <ul aria-label={`Scopes of ${key.name}`} className="space-y-0.5">
                          {key.scopes.map((scope) => (
                            <li key={scope}>
                              <code className="font-mono text-xs whitespace-nowrap">{scope}</code>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="py-3 pr-4">
                        {when(key.createdAt)}
                        <span className="block text-stone-500">
                          by{" "}
                          {key.createdBy ? (names.people[key.createdBy] ?? "a former admin") : "the operator"}
                        </span>
                      </td>
                      <td className="py-3 pr-4">{key.lastUsedAt ? when(key.lastUsedAt) : "Never"}</td>
                      <td className="py-3">
                        {key.revokedAt ? (
                          <span>
                            Revoked <span className="block">{when(key.revokedAt)}</span>
                          </span>
                        ) : (
                          <div className="flex flex-wrap items-center gap-3">
                            <span className="font-medium text-emerald-700">Active</span>
                            <ConfirmForm
                              action={revokeKey}
                              fields={{ id: key.id }}
                              triggerLabel="Revoke"
                              triggerAccessibleLabel={`Revoke ${key.name}`}
                              title={`Revoke “${key.name}”?`}
                              confirmLabel="Revoke key"
                              pendingLabel="Revoking…"
                            >
                              <p>
                                Anything using the key that starts <code>{key.prefix}</code> stops working at
                                once. This can't be undone; create a new key if you need one.
                              </p>
                            </ConfirmForm>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </Panel>
        )}
      </div>
    </>
  );
}
