import { after } from "next/server";
import { slackRuntime } from "@/slack/app";

/** Slack's one request URL: events, slash commands, interactivity and shortcuts. */
export async function POST(request: Request): Promise<Response> {
  const runtime = slackRuntime();
  if (!runtime) return Response.json({ error: "slack_not_configured" }, { status: 503 });
  const { receiver } = await runtime;
  return receiver.handle(request, (work) => after(work));
}
