import { offerRoute } from "../../_offer/offer-route";

/** A provider's gift card or charity: choose an amount and redeem. */
const route = offerRoute("gift", "productId");

export const generateMetadata = route.generateMetadata;
export default route.Page;
