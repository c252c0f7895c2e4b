import { CATALOG, type CatalogProduct, findProduct } from "./catalog";
import type { FaultSwitch } from "./faults";
import { ApiRefusal, readJson } from "./http-io";
import { ok, type Route } from "./routes";
import type { SandboxOrders } from "./sandbox-orders";
import type { SandboxStore } from "./sandbox-store";
import { balanceFundingSourceJson, productJson } from "./tremendous-json";

export interface ApiRoutesOptions {
  store: SandboxStore;
  orders: SandboxOrders;
  faults: FaultSwitch;
  origin: string;
  /** Waits `ms` (forever when undefined) or until the server stops; false when it stopped. */
  hold(ms: number | undefined): Promise<boolean>;
}

/** `?country=US,GB&currency=USD&subcategory=food_and_drink`: each a comma list, all of them applying. */
function productFilter(query: URLSearchParams): (product: CatalogProduct) => boolean {
  const list = (name: string) =>
    query
      .get(name)
      ?.split(",")
      .map((value) => value.trim())
      .filter(Boolean) ?? [];
  const [countries, currencies, subcategories] = [list("country"), list("currency"), list("subcategory")];
  return (product) =>
    (countries.length === 0 || product.countries.some((country) => countries.includes(country))) &&
    (currencies.length === 0 || currencies.includes(product.currency)) &&
    (subcategories.length === 0 || subcategories.includes(product.subcategory ?? ""));
}

/** The Tremendous v2 subset, below `/api/v2`. */
export function apiRoutes({ store, orders, faults, origin, hold }: ApiRoutesOptions): Route[] {
  return [
    {
      method: "GET",
      path: /^\/products$/,
      answer: ({ url }) =>
        ok({ products: CATALOG.filter(productFilter(url.searchParams)).map((p) => productJson(p, origin)) }),
    },
    {
      method: "GET",
      path: /^\/products\/([^/]+)$/,
      answer: ({ id }) => {
        const product = findProduct(id);
        if (!product) throw new ApiRefusal(404, `No product with id ${id}.`);
        return ok({ product: productJson(product, origin) });
      },
    },
    {
      method: "GET",
      path: /^\/funding_sources$/,
      answer: () => ok({ funding_sources: [balanceFundingSourceJson(store.state.balanceMinor)] }),
    },
    {
      method: "POST",
      path: /^\/orders$/,
      answer: async ({ request }) => {
        const body = await readJson(request);
        if (faults.take("insufficient_funds")) {
          throw new ApiRefusal(402, "The balance funding source does not cover this order.");
        }
        const created = orders.create(body);
        // The order is saved from here on: what follows is the answer getting lost on its way back.
        const lost = faults.take("error_after_saving", "hang_after_saving");
        if (lost?.fault === "error_after_saving") throw new ApiRefusal(500, "Internal server error.");
        if (lost && !(await hold(lost.ms))) return null;
        return created;
      },
    },
    { method: "GET", path: /^\/orders$/, answer: ({ url }) => ok(orders.list(url.searchParams)) },
    { method: "GET", path: /^\/orders\/([^/]+)$/, answer: ({ id }) => ok(orders.get(id)) },
    { method: "GET", path: /^\/rewards\/([^/]+)$/, answer: ({ id }) => ok(orders.reward(id)) },
    {
      method: "POST",
      path: /^\/rewards\/([^/]+)\/generate_link$/,
      answer: ({ id }) => ok(orders.generateLink(id)),
    },
    { method: "POST", path: /^\/rewards\/([^/]+)\/cancel$/, answer: ({ id }) => ok(orders.cancel(id)) },
    {
      method: "POST",
      path: /^\/rewards\/([^/]+)\/resend$/,
      answer: async ({ id, request }) => ok(orders.resend(id, await readJson(request))),
    },
  ];
}
