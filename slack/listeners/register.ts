import type { App } from "@slack/bolt";
import { registerOpenGiveModal } from "./actions/open-give-modal";
import { registerOpenRewards } from "./actions/open-rewards";
import { registerSetReminder } from "./actions/set-reminder";
import { registerGiveCommand } from "./commands/give";
import { registerAppHomeOpened } from "./events/app-home-opened";
import { registerReactionChanged } from "./events/reaction-changed";
import { registerPlusPoints } from "./messages/plus-points";
import { registerThreadReplies } from "./messages/thread-replies";
import { registerThreadReplyChanges } from "./messages/thread-reply-changes";
import { registerGivePointsForMessage } from "./shortcuts/give-points-for-message";
import { registerGiveModalSubmission } from "./views/give-modal-submitted";

/** Every listener the app has, one `register` per file (events, commands, messages, views, shortcuts). */
export function registerListeners(app: App): void {
  registerGiveCommand(app);
  registerPlusPoints(app);
  registerThreadReplies(app);
  registerThreadReplyChanges(app);
  registerAppHomeOpened(app);
  registerReactionChanged(app);
  registerOpenGiveModal(app);
  registerOpenRewards(app);
  registerSetReminder(app);
  registerGivePointsForMessage(app);
  registerGiveModalSubmission(app);
}
