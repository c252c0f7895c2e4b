/** The reactions a recognition may get, by the names Slack gives the same emoji, in the order shown. */
export const REACTIONS = ["clap", "tada", "heart", "raised_hands", "fire", "joy"] as const;
export type Reaction = (typeof REACTIONS)[number];

export const REACTION_EMOJI: Record<Reaction, string> = {
  clap: "👏",
  tada: "🎉",
  heart: "❤️",
  raised_hands: "🙌",
  fire: "🔥",
  joy: "😂",
};

/** A reaction on a recognition: how many people chose it, and whether the viewer is one of them. */
export interface ReactionCount {
  reaction: Reaction;
  count: number;
  mine: boolean;
}
