import { ProviderError, type ProviderErrorKind } from "../../core/rewards/reward-provider";

/**
 * What the SDK rejects with: an AxiosError. Read by shape rather than through axios itself, which is
 * the SDK's dependency, not ours. Its `config.headers.Authorization` holds the API key, so nothing of
 * it but the status, the provider's message and Retry-After ever leaves this file.
 */
interface HttpFailure {
  isAxiosError: true;
  code?: string;
  response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
}

function isHttpFailure(error: unknown): error is HttpFailure {
  return (
    typeof error === "object" && error !== null && "isAxiosError" in error && error.isAxiosError === true
  );
}

/** Tremendous's docs say to pause about a second when a 429 names no wait. */
const DEFAULT_RETRY_AFTER_MS = 1000;
const MAX_MESSAGE_LENGTH = 300;

const KIND_BY_STATUS: Record<number, ProviderErrorKind> = {
  400: "invalid",
  401: "unauthorized",
  402: "insufficient_funds",
  403: "unauthorized",
  404: "not_found",
  408: "transient",
  409: "conflict",
  422: "invalid",
  429: "rate_limited",
};

function kindOfStatus(status: number): ProviderErrorKind {
  // Any other refusal of the request itself will not go better on a retry; a server error might.
  return KIND_BY_STATUS[status] ?? (status >= 400 && status < 500 ? "invalid" : "transient");
}

/** Milliseconds to wait from a Retry-After header: delay-seconds or an HTTP date. */
export function retryAfterMs(header: unknown, now = Date.now()): number {
  const text = typeof header === "string" ? header.trim() : "";
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now);
}

/** The provider's own words: `{errors: {message}}` in the reference, `{error: {message}}` in some docs. */
function providerMessage(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const body = data as { errors?: { message?: unknown }; error?: { message?: unknown } };
  const message = body.errors?.message ?? body.error?.message;
  return typeof message === "string" && message.trim() ? message.trim().slice(0, MAX_MESSAGE_LENGTH) : null;
}

/**
 * Sorts a failed SDK call into a ProviderError. Anything that is not an HTTP failure (a bug, the SDK's
 * RequiredError) is returned as it is. `apiKey` is scrubbed from the provider's text in case it echoes it.
 */
export function providerErrorFrom(error: unknown, apiKey: string, timeoutMs: number): unknown {
  if (error instanceof ProviderError || !isHttpFailure(error)) return error;
  const { response } = error;
  if (!response) {
    const timedOut = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT";
    return new ProviderError(
      "transient",
      timedOut
        ? `The provider did not answer within ${timeoutMs} ms.`
        : `The provider could not be reached (${error.code ?? "network error"}).`,
    );
  }
  const kind = kindOfStatus(response.status);
  const said = providerMessage(response.data);
  const message = `The provider answered ${response.status}${said ? `: ${said}` : "."}`;
  return new ProviderError(
    kind,
    apiKey ? message.replaceAll(apiKey, "[redacted]") : message,
    kind === "rate_limited" ? retryAfterMs(response.headers?.["retry-after"]) : undefined,
  );
}
