/** Company values are hashtags: `#Ownership`, `ownership` and `<#C123|ownership>` all name `ownership`. */
export function normaliseValueName(raw: string): string {
  const channelForm = /^<#[A-Z0-9]+\|([^>]*)>$/.exec(raw.trim());
  const name = channelForm ? (channelForm[1] ?? "") : raw;
  return name.trim().replace(/^#/, "").toLowerCase();
}

/** Mirrors the CHECK on company_values.name. */
export const VALUE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
