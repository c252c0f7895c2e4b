import { textParam } from "@/app/_lib/api/query";
import { apiCall } from "@/app/_lib/api/respond";
import { entityTags, fileResponse } from "@/app/_lib/file-response";
import { exportBill } from "@/core/billing/export-bill";
import { DomainError } from "@/core/shared/errors";

/**
 * One month's bill: `{"data": {"bill": ..., "lines": [...]}}`, or with `?format=csv` the bill's CSV
 * (a closed bill's with its SHA-256 as ETag, 304 for a client that has it). Both are streamed as the
 * lines are read, however many there are.
 */
export function GET(
  request: Request,
  { params }: { params: Promise<{ period: string }> },
): Promise<Response> {
  return apiCall(request, async ({ db, actor, query }) => {
    const { period } = await params;
    const format = textParam(query, "format") ?? "json";
    if (format !== "json" && format !== "csv") {
      throw new DomainError("invalid", "format must be json or csv.", { field: "format" });
    }
    const file = await exportBill(db, actor, {
      period,
      format,
      knownSha256s: format === "csv" ? entityTags(request) : [],
    });
    if (format === "csv") return fileResponse(file);
    return fileResponse({ ...file, chunks: enveloped(file.chunks) }, { "Content-Disposition": "inline" });
  });
}

/** The bill's JSON file inside the API's usual `data` envelope. */
async function* enveloped(chunks: AsyncGenerator<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  yield '{"data":';
  yield* chunks;
  yield "}";
}
