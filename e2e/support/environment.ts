/** Where the journeys find the app and the identity provider; the same in the setup and in the specs. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
export const OIDC_PORT = APP_PORT + 1;
export const APP_URL = `http://localhost:${APP_PORT}`;
