"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/form";
import { secondaryButtonClass } from "@/app/_components/styles";
import { IDLE } from "@/app/_lib/form-state";
import { PendingButton } from "../_components/pending-button";
import { refreshCatalog } from "./actions";

/** Copies the provider's catalog again, saying how many products came, or why none could. */
export function RefreshCatalogForm() {
  const [state, action] = useActionState(refreshCatalog, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <FormMessage state={state} />
      <PendingButton className={secondaryButtonClass} pending="Syncing…">
        Refresh catalog
      </PendingButton>
    </form>
  );
}
