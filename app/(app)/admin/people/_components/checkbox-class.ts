/** Checkboxes in the People pages: amber when ticked, with the same focus ring as every other control. */
export const checkboxClass =
  "size-4 rounded border-stone-300 accent-amber-600 outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600";
