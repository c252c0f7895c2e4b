import type {
  CreateOrderRequest,
  GetOrder200Response,
  ListRewards200ResponseRewardsInnerValue,
} from "tremendous";
import { type OrderRequest, ProviderError, type RewardProvider } from "../../core/rewards/reward-provider";
import { amountFromMinor } from "../decimal-amounts";
import { type TremendousApis, type TremendousSettings, tremendousApis } from "./tremendous-apis";
import { providerErrorFrom } from "./tremendous-errors";
import { fundingSourceFrom, isOfferedProduct, orderFrom, productFrom, rewardFrom } from "./tremendous-models";

type CurrencyCode = NonNullable<ListRewards200ResponseRewardsInnerValue["currency_code"]>;

function createOrderRequest(order: OrderRequest): CreateOrderRequest {
  return {
    // The redemption's id: Tremendous answers a repeat with the first order (201) instead of a second.
    external_id: order.externalId,
    payment: { funding_source_id: order.fundingSourceId },
    reward: {
      products: [order.productId],
      value: {
        denomination: amountFromMinor(order.faceValueMinor, order.currency),
        currency_code: order.currency as CurrencyCode,
      },
      recipient: { name: order.recipient.name, email: order.recipient.email },
      delivery: { method: order.delivery === "link" ? "LINK" : "EMAIL" },
    },
  };
}

/**
 * A RewardProvider over the official Tremendous SDK. `settings` is read on every call, so a connection
 * whose settings live in the environment (the built-in sandbox) is checked when used, not when built.
 */
export function tremendousProvider(settings: () => TremendousSettings): RewardProvider {
  async function call<T>(request: (apis: TremendousApis) => Promise<T>): Promise<T> {
    const current = settings();
    try {
      return await request(tremendousApis(current));
    } catch (error) {
      throw providerErrorFrom(error, current.apiKey, current.timeoutMs);
    }
  }

  return {
    listProducts: () =>
      call(async ({ products }) => {
        const { data } = await products.listProducts();
        return data.products.filter(isOfferedProduct).map(productFrom);
      }),

    listFundingSources: () =>
      call(async ({ fundingSources }) => {
        const { data } = await fundingSources.listFundingSources();
        return data.funding_sources.map(fundingSourceFrom);
      }),

    // A 201 (the same external id and request again) resolves like the 200: its status says where it is.
    placeOrder: (order) =>
      call(async ({ orders }) => orderFrom((await orders.createOrder(createOrderRequest(order))).data.order)),

    findOrder: (externalId) =>
      call(async ({ orders }) => {
        const { data } = await orders.listOrders(undefined, undefined, externalId);
        // Matched again here: a server that ignored the filter must not hand back someone else's order.
        const order = data.orders.find((candidate) => candidate.external_id === externalId);
        return order ? orderFrom(order) : null;
      }),

    getReward: (rewardId) =>
      call(async ({ rewards }) => {
        const { data } = await rewards.getReward(rewardId);
        return rewardFrom(data.reward.id ?? rewardId, data.reward.delivery);
      }),

    generateLink: (rewardId) =>
      call(async ({ rewards }) => {
        const { data } = await rewards.generateRewardLink(rewardId);
        if (!data.reward.link) throw new ProviderError("transient", "The provider answered without a link.");
        return data.reward.link;
      }),

    cancelReward: (rewardId) =>
      call(async ({ rewards }) => {
        // The SDK types this answer as `object`; the API answers the reward's order, refunded.
        const { data } = await rewards.cancelReward(rewardId);
        return orderFrom((data as GetOrder200Response).order);
      }),

    resendReward: (rewardId, email) =>
      call(async ({ rewards }) => {
        await rewards.resendReward(rewardId, email ? { updated_email: email } : {});
      }),
  };
}
