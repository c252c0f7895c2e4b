import type { App } from "@slack/bolt";
import { registerGiveCommand } from "./commands/give";

/** Every listener the app has, one `register` per file (events, commands, messages, views, shortcuts). */
export function registerListeners(app: App): void {
  registerGiveCommand(app);
}
