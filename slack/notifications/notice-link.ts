import { appUrl } from "@/core/shared/public-url";

/** A link to a page of Plaudit, as a direct message shows it. */
export function link(path: string, label: string): string {
  return `<${appUrl(path)}|${label}>`;
}
