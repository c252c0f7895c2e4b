import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export type DeliveryMethod = "EMAIL" | "LINK";
export type DeliveryStatus = "PENDING" | "SUCCEEDED" | "FAILED";

export interface SandboxReward {
  id: string;
  productId: string;
  denominationMinor: number;
  currency: string;
  recipient: { name: string; email: string };
  deliveryMethod: DeliveryMethod;
  deliveryStatus: DeliveryStatus;
  createdAt: string;
}

export interface SandboxOrder {
  id: string;
  externalId: string | null;
  createdAt: string;
  status: "EXECUTED" | "CANCELED";
  /** What was asked for, as text: a repeat of the external id is a replay only if this matches. */
  fingerprint: string;
  /** Drawn from the USD balance, and given back when the reward is canceled. */
  chargedMinor: number;
  refundedMinor: number | null;
  reward: SandboxReward;
}

export interface SandboxState {
  /** The `balance` funding source, in US cents. */
  balanceMinor: number;
  orders: SandboxOrder[];
  /** Redemption links handed out: the token in the link, and the reward it opens. */
  links: Record<string, string>;
}

/** Ids shaped like Tremendous's: twelve upper-case letters and digits. */
export function newId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join("");
}

const emptyState = (balanceMinor: number): SandboxState => ({ balanceMinor, orders: [], links: {} });

/**
 * The sandbox's orders and balance, in memory and, with a file, on disk after every change, so a demo
 * keeps its orders across restarts. Writes are synchronous (a rename of a whole small file): each change
 * is on disk before the request that made it is answered, in the order the changes were made.
 */
export class SandboxStore {
  state: SandboxState;

  constructor(
    private readonly file: string | undefined,
    private readonly initialBalanceMinor: number,
  ) {
    this.state =
      file && existsSync(file)
        ? (JSON.parse(readFileSync(file, "utf8")) as SandboxState)
        : emptyState(initialBalanceMinor);
  }

  save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state));
    renameSync(temporary, this.file);
  }

  reset(balanceMinor = this.initialBalanceMinor): void {
    this.state = emptyState(balanceMinor);
    this.save();
  }

  /** By Tremendous's id or by the caller's external id, as `GET /orders/{id}` accepts either. */
  findOrder(idOrExternalId: string): SandboxOrder | undefined {
    const { orders } = this.state;
    return (
      orders.find((order) => order.id === idOrExternalId) ??
      orders.find((order) => order.externalId === idOrExternalId)
    );
  }

  findByReward(rewardId: string): SandboxOrder | undefined {
    return this.state.orders.find((order) => order.reward.id === rewardId);
  }
}
