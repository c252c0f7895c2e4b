import {
  Configuration,
  Environments,
  FundingSourcesApiFactory,
  OrdersApiFactory,
  ProductsApiFactory,
  RewardsApiFactory,
} from "tremendous";

/** Where an adapter sends its requests and with which key. */
export interface TremendousSettings {
  /** The API base, `.../api/v2`: Tremendous's sandbox or production host, or the built-in sandbox. */
  basePath: string;
  apiKey: string;
  /** axios waits forever unless told otherwise; a hung provider must not hold a redemption. */
  timeoutMs: number;
}

export const TREMENDOUS_HOSTS = {
  sandbox: Environments.testflight,
  production: Environments.production,
} as const;

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The SDK's typed API objects for one connection. The factories, not `new OrdersApi(config)`: under
 * this repository's module resolution the classes' methods come out typed `any`.
 */
export function tremendousApis(settings: TremendousSettings) {
  const configuration = new Configuration({
    basePath: settings.basePath,
    accessToken: settings.apiKey,
    baseOptions: { timeout: settings.timeoutMs },
  });
  return {
    products: ProductsApiFactory(configuration),
    fundingSources: FundingSourcesApiFactory(configuration),
    orders: OrdersApiFactory(configuration),
    rewards: RewardsApiFactory(configuration),
  };
}

export type TremendousApis = ReturnType<typeof tremendousApis>;
