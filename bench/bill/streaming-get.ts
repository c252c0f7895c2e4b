import http from "node:http";
import { performance } from "node:perf_hooks";
import { ByteTally, type Download } from "./byte-tally";

/**
 * A GET whose body is counted and hashed chunk by chunk as it arrives and never held: a million-line
 * bill is hundreds of megabytes. Answers anything but 200 with an error naming the status.
 */
export function streamingGet(url: string, headers: Record<string, string>): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        const location = response.headers.location ? ` -> ${response.headers.location}` : "";
        reject(new Error(`GET ${url} answered ${response.statusCode}${location}`));
        return;
      }
      const tally = new ByteTally();
      response.on("data", (chunk: Buffer) => tally.add(chunk));
      response.on("end", () =>
        resolve({
          seconds: (performance.now() - started) / 1000,
          bytes: tally.bytes,
          sha256: tally.sha256(),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** The status of a GET, its body drained: for requests whose answer has no body worth reading. */
export function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}
