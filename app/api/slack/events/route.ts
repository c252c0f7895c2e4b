import { performance } from "node:perf_hooks";
import { after } from "next/server";
import { metrics } from "@/observability/metrics";
import { slackRuntime } from "@/slack/app";

/** Slack's one request URL: events, slash commands, interactivity and shortcuts. */
export async function POST(request: Request): Promise<Response> {
  const started = performance.now();
  const runtime = slackRuntime();
  if (!runtime) return Response.json({ error: "slack_not_configured" }, { status: 503 });
  const { receiver } = await runtime;
  const response = await receiver.handle(request, (work) => after(work));
  // The acknowledgement is this response: Slack waits for it, and retries after 3 s without one.
  metrics().slackAck.observe((performance.now() - started) / 1000);
  return response;
}
