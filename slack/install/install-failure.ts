/** Why an install stopped; the route answers each with its own HTTP status. */
export type InstallFailureReason =
  | "not_an_admin"
  | "bad_callback"
  | "not_the_installer"
  | "no_workspace"
  | "slack_refused"
  | "slack_unreachable";

/** Ends most of what the admin is told: the install is a round trip, to be started over as a whole. */
export const START_AGAIN = "Start again from Settings.";

/** An **Add to Slack** round trip that cannot go on; `message` is written to the admin. */
export class SlackInstallFailure extends Error {
  override readonly name = "SlackInstallFailure";
  constructor(
    readonly reason: InstallFailureReason,
    message: string,
  ) {
    super(message);
  }
}
