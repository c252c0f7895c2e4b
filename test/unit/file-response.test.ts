import { describe, expect, it } from "vitest";
import { entityTags, fileResponse, streamOf } from "../../app/_lib/file-response";
import type { BillExport } from "../../core/billing/export-bill";
import { captureLogs } from "../../testing/captured-logs";

/** A file of `count` chunks that counts how many it has been asked for, and whether it was stopped. */
function countedChunks(count: number) {
  const state = { made: 0, finished: false };
  async function* chunks(): AsyncGenerator<string> {
    try {
      for (let index = 0; index < count; index++) {
        state.made += 1;
        yield `chunk ${index}\n`;
      }
    } finally {
      state.finished = true;
    }
  }
  return { state, chunks: chunks() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a streamed file", () => {
  it("makes a chunk only when the reader has taken the one before", async () => {
    const { state, chunks } = countedChunks(1000);
    const reader = streamOf(chunks).getReader();
    await settle();
    // Nobody has read yet: at most the one chunk the stream keeps ready.
    expect(state.made).toBeLessThanOrEqual(1);
    const decoder = new TextDecoder();
    for (let index = 0; index < 5; index++) {
      const { value } = await reader.read();
      expect(decoder.decode(value)).toBe(`chunk ${index}\n`);
    }
    await settle();
    expect(state.made).toBeLessThanOrEqual(6);
    await reader.cancel();
    expect(state.finished).toBe(true);
    expect(state.made).toBeLessThan(1000);
  });

  it("ends when the file does, with every chunk in order", async () => {
    const { state, chunks } = countedChunks(3);
    const text = await new Response(streamOf(chunks)).text();
    expect(text).toBe("chunk 0\nchunk 1\nchunk 2\n");
    expect(state.finished).toBe(true);
  });

  it("cuts the response short when the file fails halfway", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "first\n";
      throw new Error("the database went away");
    }
    const logs = captureLogs();
    try {
      await expect(new Response(streamOf(failing())).text()).rejects.toThrow("the database went away");
    } finally {
      logs.stop();
    }
    expect(logs.entries()).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "A file download failed while streaming",
        err: expect.objectContaining({ message: "the database went away" }),
      }),
    ]);
  });
});

describe("a bill's file as a response", () => {
  const file = (overrides: Partial<BillExport>): BillExport => ({
    bill: {} as BillExport["bill"],
    fileName: "ACME-2026-00007.csv",
    contentType: "text/csv; charset=utf-8",
    sha256: null,
    unchanged: false,
    chunks: countedChunks(1).chunks,
    ...overrides,
  });

  it("is an attachment named for the bill; a closed bill's CSV carries its ETag", async () => {
    const closed = fileResponse(file({ sha256: "ab".repeat(32) }));
    expect(closed.status).toBe(200);
    expect(closed.headers.get("content-disposition")).toBe('attachment; filename="ACME-2026-00007.csv"');
    expect(closed.headers.get("etag")).toBe(`"${"ab".repeat(32)}"`);
    expect(closed.headers.get("cache-control")).toBe("private, no-cache");
    expect(await closed.text()).toBe("chunk 0\n");

    const draft = fileResponse(file({ fileName: "acme-2026-11-draft.csv" }));
    expect(draft.headers.get("etag")).toBeNull();
    expect(draft.headers.get("cache-control")).toBe("no-store");
  });

  it("is 304 with no body for a client that has it", async () => {
    const response = fileResponse(file({ sha256: "cd".repeat(32), unchanged: true }));
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(`"${"cd".repeat(32)}"`);
    expect(response.body).toBeNull();
  });

  it("reads the entity tags of If-None-Match, weak ones and lists included", () => {
    const request = (value?: string) =>
      new Request("http://test/", value === undefined ? {} : { headers: { "if-none-match": value } });
    expect(entityTags(request())).toEqual([]);
    expect(entityTags(request('"abc"'))).toEqual(["abc"]);
    expect(entityTags(request('W/"abc", "def"'))).toEqual(["abc", "def"]);
    expect(entityTags(request("*"))).toEqual([]);
  });
});
