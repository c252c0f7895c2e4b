/** The server tests run against; CI starts one on 127.0.0.1:5432 when none answers. */
export const adminDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const TEMPLATE_DATABASE = "plaudit_test_template";

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
