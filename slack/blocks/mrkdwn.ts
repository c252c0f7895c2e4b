/** Text typed outside Slack, made safe for mrkdwn: Slack reads `<`, `>` and `&` as its own markup. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A date Slack renders in each reader's own time zone; the fallback shows where it cannot. */
export function slackDate(iso: string): string {
  const date = new Date(iso);
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty}|${date.toISOString().slice(0, 10)}>`;
}
