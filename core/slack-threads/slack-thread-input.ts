import { text } from "../shared/validation";

/** A Slack id (team, channel) or message timestamp: short, and never blank. */
export function slackRef(what: string) {
  return text(`Give the Slack ${what}.`)
    .trim()
    .min(1, `Give the Slack ${what}.`)
    .max(64, `That is not a Slack ${what}.`);
}
