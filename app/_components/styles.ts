// Shared class lists, so every button and input looks and focuses the same way.
const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 outline-none";

export const buttonClass = `inline-flex items-center justify-center gap-2 rounded-lg bg-amber-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-amber-800 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const secondaryButtonClass = `inline-flex items-center justify-center gap-2 rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-sm hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const dangerButtonClass = `inline-flex items-center justify-center gap-2 rounded-lg border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-700 shadow-sm hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const inputClass = `block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-500 focus-visible:border-amber-600 aria-[invalid=true]:border-red-500 ${focusRing}`;

export const linkClass = `font-medium text-amber-700 underline-offset-4 hover:underline ${focusRing} rounded-sm`;

/** Checkboxes: amber when ticked, with the same focus ring as every other control. */
export const checkboxClass = `size-4 rounded border-stone-300 accent-amber-700 ${focusRing}`;
