import type { App } from "@slack/bolt";
import { registerOpenGiveModal } from "./actions/open-give-modal";
import { registerOpenRewards } from "./actions/open-rewards";
import { registerGiveCommand } from "./commands/give";
import { registerAppHomeOpened } from "./events/app-home-opened";
import { registerPlusPoints } from "./messages/plus-points";
import { registerGivePointsForMessage } from "./shortcuts/give-points-for-message";
import { registerGiveModalSubmission } from "./views/give-modal-submitted";

/** Every listener the app has, one `register` per file (events, commands, messages, views, shortcuts). */
export function registerListeners(app: App): void {
  registerGiveCommand(app);
  registerPlusPoints(app);
  registerAppHomeOpened(app);
  registerOpenGiveModal(app);
  registerOpenRewards(app);
  registerGivePointsForMessage(app);
  registerGiveModalSubmission(app);
}
