import { z } from "zod";
import { type FaultSwitch, faultSchema } from "./faults";
import { parseOrRefuse, readJson } from "./http-io";
import { ok, type Route } from "./routes";
import type { SandboxStore } from "./sandbox-store";
import { orderJson } from "./tremendous-json";

const resetBody = z.object({ balanceMinor: z.int().nonnegative().optional() });

/**
 * The sandbox's own switches, below `/sandbox`, behind the same API key: arm a fault (body as in
 * `faults.ts`), list or clear them, list every order as Tremendous shapes it, reset to an empty state.
 */
export function controlRoutes(store: SandboxStore, faults: FaultSwitch): Route[] {
  const armed = () => ok({ faults: faults.list() });
  return [
    {
      method: "POST",
      path: /^\/sandbox\/faults$/,
      answer: async ({ request }) => {
        faults.arm(parseOrRefuse(faultSchema, await readJson(request)));
        return armed();
      },
    },
    { method: "GET", path: /^\/sandbox\/faults$/, answer: armed },
    {
      method: "DELETE",
      path: /^\/sandbox\/faults$/,
      answer: () => {
        faults.clear();
        return armed();
      },
    },
    {
      method: "GET",
      path: /^\/sandbox\/orders$/,
      answer: () =>
        ok({
          orders: store.state.orders.map((order) => orderJson(order)),
          balanceMinor: store.state.balanceMinor,
        }),
    },
    {
      method: "POST",
      path: /^\/sandbox\/reset$/,
      answer: async ({ request }) => {
        store.reset(parseOrRefuse(resetBody, await readJson(request)).balanceMinor);
        faults.clear();
        return ok({ balanceMinor: store.state.balanceMinor });
      },
    },
  ];
}
