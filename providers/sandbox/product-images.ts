import type { CatalogProduct } from "./catalog";

/** The sandbox draws its own images, so a demo catalog shows cards with no network at all. */
type ImageShape = "card" | "logo";

/** Text made safe inside SVG and HTML markup, attributes included. */
export const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Dark ink on light tiles (charity: water's yellow), white on the rest. */
function inkFor(background: string): string {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) =>
    Number.parseInt(background.slice(start, start + 2), 16),
  );
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? "#111111" : "#ffffff";
}

export function productImageSvg(product: CatalogProduct, shape: ImageShape): string {
  const [width, height] = shape === "card" ? [320, 200] : [120, 120];
  const ink = inkFor(product.color);
  const name = escapeMarkup(product.name);
  const initials = escapeMarkup(
    product.name
      .split(/\s+/)
      .map((word) => word[0] ?? "")
      .join("")
      .slice(0, 3)
      .toUpperCase(),
  );
  const label =
    shape === "card"
      ? `<text x="24" y="${height - 28}" font-size="26" font-weight="700">${name}</text>` +
        `<text x="24" y="40" font-size="14" opacity="0.8">${product.category === "charity" ? "DONATION" : "GIFT CARD"} · ${product.currency}</text>`
      : `<text x="50%" y="55%" font-size="40" font-weight="700" text-anchor="middle" dominant-baseline="middle">${initials}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${name}">` +
    `<rect width="${width}" height="${height}" rx="${shape === "card" ? 14 : 24}" fill="${product.color}"/>` +
    `<g fill="${ink}" font-family="system-ui, sans-serif">${label}</g></svg>`
  );
}
