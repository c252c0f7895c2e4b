import { offerRoute } from "../../_offer/offer-route";

/** One of the org's own rewards: redeem it for its price in points. */
const route = offerRoute("custom", "customRewardId");

export const generateMetadata = route.generateMetadata;
export default route.Page;
