import { createHash, type Hash } from "node:crypto";

/**
 * What a download consumer does with each chunk, the same for the app's response and psql's output so
 * that neither side is charged more client work: count the bytes and hash them.
 */
export class ByteTally {
  bytes = 0;
  private readonly hash: Hash = createHash("sha256");

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
  }

  sha256(): string {
    return this.hash.digest("hex");
  }
}

/** One timed download: how long it took, how many bytes it was and their SHA-256. */
export interface Download {
  seconds: number;
  bytes: number;
  sha256: string;
}
