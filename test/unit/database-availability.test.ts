import { describe, expect, it } from "vitest";
import { formAction } from "../../app/_lib/form-state";
import { OUTAGE_MESSAGE } from "../../app/_lib/outage-message";
import { DomainError } from "../../core/shared/errors";
import { isDatabaseUnavailable, unavailabilityCode } from "../../db/availability";

/** What postgres.js and Node reject with, wrapped as Drizzle wraps a failed query. */
function failedQuery(code: string): Error {
  const driver = Object.assign(new Error(`driver failure ${code}`), { code });
  return new Error("Failed query: select 1\nparams: ", { cause: driver });
}

describe("a database outage", () => {
  it("is told by the codes of a server that is down, restarting, unreachable, full or too slow", () => {
    const outages = [
      "ECONNREFUSED",
      "ECONNRESET",
      "ETIMEDOUT",
      "EHOSTUNREACH",
      "CONNECT_TIMEOUT",
      "CONNECTION_CLOSED",
      "CONNECTION_ENDED",
      "CONNECTION_DESTROYED",
      "57P01",
      "57P02",
      "57P03",
      "53300",
      "57014",
      "08006",
      "08001",
    ];
    for (const code of outages) {
      expect(unavailabilityCode(failedQuery(code)), code).toBe(code);
      expect(isDatabaseUnavailable(Object.assign(new Error("bare"), { code })), code).toBe(true);
    }
  });

  it("is not a statement the database refused, a rule of Plaudit, or a bug", () => {
    for (const error of [
      failedQuery("23505"),
      failedQuery("22P02"),
      failedQuery("40001"),
      failedQuery("PLDT1"),
      new DomainError("insufficient_allowance", "Not enough"),
      new TypeError("undefined is not a function"),
      "a string",
      null,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });

  it("leaves a form with a message that nothing was changed, rather than the error page", async () => {
    const state = await formAction(() => Promise.reject(failedQuery("ECONNREFUSED")));
    expect(state).toMatchObject({ status: "error", message: OUTAGE_MESSAGE, fieldErrors: {} });
    await expect(formAction(() => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});
