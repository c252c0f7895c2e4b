/** What the app says, on a page, a form or in the API, while its database is unavailable. */
export const OUTAGE_MESSAGE =
  "Plaudit can't reach its database just now, so nothing was changed. Try again in a minute.";
