import { z } from "zod";

/**
 * Failures a test or a demo switches on, each for the next `times` requests it applies to:
 * - `rate_limited`: any API request answers 429 with Retry-After (`retryAfterSeconds`, default 1);
 * - `hang`: any API request waits before doing anything (so an order is not saved), for `ms` or forever;
 * - `hang_after_saving`: `POST /orders` saves the order, then waits for `ms` or forever;
 * - `error_after_saving`: `POST /orders` saves the order, then answers 500;
 * - `insufficient_funds`: `POST /orders` answers 402 whatever the balance.
 * A recipient at `@bounce.example` needs no switch: their email deliveries always fail.
 */
export const faultSchema = z.object({
  fault: z.enum(["rate_limited", "hang", "hang_after_saving", "error_after_saving", "insufficient_funds"]),
  times: z.int().positive().default(1),
  ms: z.int().nonnegative().optional(),
  retryAfterSeconds: z.int().nonnegative().optional(),
});

export type Fault = z.input<typeof faultSchema>;
type FaultName = Fault["fault"];
type ArmedFault = z.output<typeof faultSchema>;

export class FaultSwitch {
  private armed: ArmedFault[] = [];

  arm(fault: Fault): void {
    this.armed.push(faultSchema.parse(fault));
  }

  /** The first armed fault of one of these names, counting one use of it; null when none is armed. */
  take(...names: FaultName[]): ArmedFault | null {
    const found = this.armed.find((fault) => names.includes(fault.fault));
    if (!found) return null;
    found.times -= 1;
    if (found.times === 0) this.armed = this.armed.filter((fault) => fault !== found);
    return found;
  }

  list(): ArmedFault[] {
    return this.armed.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.armed = [];
  }
}
