import type { ValueName } from "./company-values";
import type { Department } from "./org-chart";

interface Template {
  text: string;
  /** Only for recipients in these departments; any department when absent. */
  departments?: Department[];
}

const ENG: Department[] = ["Engineering"];
const SALES: Department[] = ["Sales"];
const DESIGN: Department[] = ["Design"];

/** The gives' messages, keyed by the value each illustrates; `{names}` becomes the recipients' first names. */
export const MESSAGES: Record<ValueName | "none", Template[]> = {
  ownership: [
    { text: "Thanks {names} for picking up the on-call handover unasked and closing every open incident." },
    { text: "{names} owned the vendor renewal from first call to signed contract. Thank you!" },
    { text: "{names} noticed the onboarding checklist was out of date and rewrote it the same afternoon." },
    {
      text: "{names} spotted the billing export bug before any customer did and fixed it end to end.",
      departments: ENG,
    },
    {
      text: "Thank you {names} for staying with the release until the last smoke test passed.",
      departments: ENG,
    },
    {
      text: "{names} chased down every open item on the Initech contract so it could close this month.",
      departments: SALES,
    },
  ],
  "customer-obsession": [
    { text: "Thanks {names} for turning a frustrated support ticket into a renewal." },
    { text: "{names} got on a 7am call with Initech to unblock their rollout. Above and beyond." },
    {
      text: "{names} sat in on five customer interviews and came back with the insight that reshaped our roadmap.",
    },
    { text: "Thank you {names} for the migration guide our customers keep praising.", departments: ENG },
    {
      text: "{names} closed the Umbrella deal by really listening to what their finance team needed.",
      departments: SALES,
    },
    {
      text: "Thanks {names} for testing the new checkout flow with real customers before we shipped it.",
      departments: DESIGN,
    },
  ],
  teamwork: [
    { text: "{names} covered my demo while I was out sick. Thank you!" },
    { text: "Thank you {names} for helping the new hires get set up on their first day." },
    { text: "{names} ran the cross-team retro and made sure every voice was heard." },
    {
      text: "Thanks {names} for pairing with me on the flaky test suite: two hours that saved me two days.",
      departments: ENG,
    },
    {
      text: "Grateful to {names} for turning my pull request reviews around so quickly all week.",
      departments: ENG,
    },
    { text: "Thanks {names} for the smooth handoff to Design on the Globex pitch.", departments: SALES },
  ],
  craft: [
    { text: "{names} wrote the clearest incident write-up I have read this year." },
    { text: "Thanks {names} for the all-hands slides. Beautiful, and done in record time." },
    { text: "{names} cut the dashboard load time in half. Lovely, careful work.", departments: ENG },
    {
      text: "{names} refactored the permissions code and left it simpler than they found it.",
      departments: ENG,
    },
    {
      text: "The new settings page from {names} is beautiful. Thank you for sweating the details.",
      departments: DESIGN,
    },
    {
      text: "Thanks {names} for the design system tokens: everything finally lines up.",
      departments: DESIGN,
    },
    {
      text: "The illustrations {names} made for the launch post keep getting compliments.",
      departments: DESIGN,
    },
  ],
  candor: [
    { text: "Thanks {names} for the honest feedback on my proposal. It is much better for it." },
    { text: "{names} raised the timeline risk early, which gave us room to fix it. Thank you." },
    { text: "Thank you {names} for saying what everyone was thinking in planning, kindly and clearly." },
    {
      text: "{names} shared the pipeline numbers as they are, not as we hoped. That helped us decide.",
      departments: SALES,
    },
  ],
  none: [
    { text: "Thank you {names}!" },
    { text: "Thanks {names} for the coffee run during the offsite crunch." },
    { text: "{names}, thanks for covering the front desk on Friday." },
    { text: "Thanks {names} for the lunch-and-learn. I learned a lot." },
    { text: "Happy work anniversary {names}, and thank you for everything this year." },
  ],
};
