/** Time enters the core as a parameter so that period math is testable at any instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
