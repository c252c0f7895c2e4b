import type { BillExport } from "@/core/billing/export-bill";
import { componentLogger } from "@/observability/logger";

/**
 * A file's chunks as a response body that asks for the next chunk only when the client has taken the
 * ones before (the stream's `pull`), so a slow download holds the server to one chunk at a time rather
 * than the whole file. A client that goes away stops the reading.
 */
export function streamOf(chunks: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const next = await chunks.next();
            if (next.done) return controller.close();
            const bytes = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
            if (bytes.byteLength > 0) return controller.enqueue(bytes);
          }
        } catch (error) {
          // The status line has gone out already: all that is left is to cut the response short.
          componentLogger("app").error({ err: error }, "A file download failed while streaming");
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** The entity tags an `If-None-Match` header names, without their quotes (weak ones too). */
export function entityTags(request: Request): string[] {
  const header = request.headers.get("if-none-match") ?? "";
  return Array.from(header.matchAll(/(?:W\/)?"([^"]*)"/g), (match) => match[1] ?? "");
}

/**
 * A bill's file as a download. A closed bill's CSV carries its SHA-256 as the ETag and may be cached
 * if checked first; a client that already has it gets 304 and no body. Anything else is never cached:
 * a draft changes as rewards are fulfilled.
 */
export function fileResponse(file: BillExport, headers: Record<string, string> = {}): Response {
  const cacheHeaders: Record<string, string> = file.sha256
    ? { ETag: `"${file.sha256}"`, "Cache-Control": "private, no-cache" }
    : { "Cache-Control": "no-store" };
  if (file.unchanged) return new Response(null, { status: 304, headers: { ...cacheHeaders, ...headers } });
  return new Response(streamOf(file.chunks), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      ...cacheHeaders,
      ...headers,
    },
  });
}
