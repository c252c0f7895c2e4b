import type { App } from "@slack/bolt";
import { GIVE_USAGE } from "../../parse-give";

/** `/give`: thank people, check a balance, or ask for help. */
export function registerGiveCommand(app: App): void {
  app.command("/give", async ({ ack }) => {
    await ack({ response_type: "ephemeral", text: GIVE_USAGE });
  });
}
