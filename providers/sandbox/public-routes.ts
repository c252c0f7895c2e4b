import { formatMoney } from "../../core/shared/money";
import { findProduct } from "./catalog";
import { escapeMarkup, productImageSvg } from "./product-images";
import type { Route } from "./routes";
import type { SandboxStore } from "./sandbox-store";

const html = (status: number, title: string, content: string) => ({
  status,
  contentType: "text/html; charset=utf-8",
  body:
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeMarkup(title)}</title></head>` +
    `<body style="font-family: system-ui, sans-serif; max-width: 30rem; margin: 3rem auto; padding: 0 1rem">` +
    `${content}<p style="color: #666">A sandbox reward: it has no value and buys nothing.</p></body></html>`,
});

/**
 * What browsers open without the API key: the product images the catalog points at, and the page a
 * redemption link leads to (the link's token is its secret, as a real gift link's is).
 */
export function publicRoutes(store: SandboxStore): Route[] {
  return [
    {
      method: "GET",
      path: /^\/images\/([A-Z0-9]+(?:-logo)?)\.svg$/,
      answer: ({ id }) => {
        const [productId = "", logo] = id.split("-");
        const product = findProduct(productId);
        if (!product) return { status: 404, body: "No such image.", contentType: "text/plain" };
        return {
          status: 200,
          body: productImageSvg(product, logo ? "logo" : "card"),
          contentType: "image/svg+xml",
          headers: { "cache-control": "public, max-age=86400" },
        };
      },
    },
    {
      method: "GET",
      path: /^\/redeem\/([\w-]+)$/,
      answer: ({ id: token }) => {
        const rewardId = store.state.links[token];
        const order = rewardId ? store.findByReward(rewardId) : undefined;
        const product = order && findProduct(order.reward.productId);
        if (!order || !product) return html(404, "Unknown link", "<h1>This link opens no reward.</h1>");
        if (order.status === "CANCELED") return html(410, "Canceled", "<h1>This reward was canceled.</h1>");
        const { reward } = order;
        const value = formatMoney(reward.denominationMinor, reward.currency);
        return html(
          200,
          `${value} ${product.name}`,
          `<img src="/images/${product.id}.svg" alt="" width="320" height="200">` +
            `<h1>${escapeMarkup(value)} · ${escapeMarkup(product.name)}</h1>` +
            `<p>For ${escapeMarkup(reward.recipient.name)}. Code: <code>SBX-${reward.id.slice(0, 4)}-${reward.id.slice(4, 8)}</code></p>`,
        );
      },
    },
  ];
}
