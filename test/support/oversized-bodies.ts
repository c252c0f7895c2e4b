/** One way of sending a body larger than a route takes, and how much of it the route pulled. */
export interface OversizedBody {
  name: string;
  /** Headers and body for a fresh request (a stream is read once). */
  request: () => { headers: Record<string, string>; body: BodyInit; duplex?: "half" };
  /** Bytes the route pulled from the stream; zero for a body sent whole. */
  pulled: () => number;
}

const CHUNK_BYTES = 16 * 1024;

/**
 * A body that would run to `totalBytes` in chunks, counting what is pulled from it: the route handler sees
 * what Node hands it for a chunked request, a stream with no end known in advance.
 */
function countedStream(totalBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode("x".repeat(CHUNK_BYTES));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

/**
 * The three ways a body over `limit` bytes arrives: whole with its length declared, streamed in chunks
 * with no length (chunked transfer), and streamed past a length that claims it is small. Each streamed
 * body would run to 100 times the limit, so a route that reads to the end shows in `pulled()`.
 */
export function oversizedBodies(limit: number): OversizedBody[] {
  const whole = "x".repeat(limit + 1);
  let chunked: ReturnType<typeof countedStream> | undefined;
  let lying: ReturnType<typeof countedStream> | undefined;
  return [
    {
      name: "with its length declared",
      request: () => ({ headers: { "content-length": String(whole.length) }, body: whole }),
      pulled: () => 0,
    },
    {
      name: "chunked, with no length",
      request: () => {
        chunked = countedStream(100 * limit);
        return { headers: {}, body: chunked.stream, duplex: "half" };
      },
      pulled: () => chunked?.pulled() ?? 0,
    },
    {
      name: "chunked, past a length that claims it is small",
      request: () => {
        lying = countedStream(100 * limit);
        return { headers: { "content-length": "100" }, body: lying.stream, duplex: "half" };
      },
      pulled: () => lying?.pulled() ?? 0,
    },
  ];
}

/** A read that stopped at the cap pulled at most the cap and the chunk that crossed it (and one more queued). */
export function readNoFurtherThan(limit: number): number {
  return limit + 2 * CHUNK_BYTES;
}
