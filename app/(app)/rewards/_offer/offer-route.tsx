import type { Metadata } from "next";
import { signedIn } from "@/app/_lib/viewer";
import { loadOffer } from "./load-offer";
import { OfferPage } from "./offer-page";

type Props<Param extends string> = { params: Promise<Record<Param, string>> };

/**
 * A reward's route, its title and its page, for a provider's product (`gift`) or one of the org's own
 * rewards (`custom`), named by the route's `param`.
 */
export function offerRoute<Param extends string>(kind: "gift" | "custom", param: Param) {
  return {
    async generateMetadata({ params }: Props<Param>): Promise<Metadata> {
      const { item } = await loadOffer(kind, (await params)[param]);
      return { title: `${item.name} · Rewards · Plaudit` };
    },
    async Page({ params }: Props<Param>) {
      const [{ person }, resolved] = await Promise.all([signedIn(), params]);
      return <OfferPage offer={await loadOffer(kind, resolved[param])} email={person.email} />;
    },
  };
}
