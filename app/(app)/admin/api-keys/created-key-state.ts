import type { FormState } from "@/app/_lib/form-state";
import type { ApiScope } from "@/core/shared/api-scopes";

/**
 * What the create form gets back. The full key travels only here, in the action's answer, and lives only
 * in the form's state until the admin dismisses it: never in a cookie, a URL or a page render.
 */
export type CreatedKeyState = FormState & {
  created?: { id: string; name: string; key: string; scopes: ApiScope[] };
};
