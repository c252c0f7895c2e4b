import { test as base, expect } from "@playwright/test";
import { auditedPages } from "./accessibility";
import { APP_URL } from "./environment";

export { expect };

/** What the browser reports of one security policy refusal. */
interface PolicyViolation {
  document: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

declare global {
  interface Window {
    reportPolicyViolation?: (violation: PolicyViolation) => void;
  }
}

const onAppPage = (url: string) => url.startsWith(APP_URL);

/**
 * Every journey runs with this watch: any Content-Security-Policy violation on a page of the app (the
 * `securitypolicyviolation` event, or the browser's console error for it), and any complaint about the
 * Permissions-Policy header, fails the journey once it has run, naming what was blocked where; what axe
 * sets off while it measures a page is not the app's (see `auditedPages`). Pages of
 * the identity provider the single sign-on journey passes through are its own business.
 */
export const test = base.extend<{ securityPolicyWatch: undefined }>({
  securityPolicyWatch: [
    async ({ context }, use) => {
      const problems: string[] = [];
      await context.exposeBinding("reportPolicyViolation", (source, violation: PolicyViolation) => {
        if (!onAppPage(violation.document) || auditedPages.has(source.page)) return;
        problems.push(
          `${violation.document}: ${violation.directive} blocked ${violation.blocked || "inline code"}` +
            `${violation.source ? ` (${violation.source})` : ""}${violation.sample ? `: ${violation.sample}` : ""}`,
        );
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          window.reportPolicyViolation?.({
            document: event.documentURI,
            directive: event.effectiveDirective,
            blocked: event.blockedURI,
            source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : "",
            sample: event.sample,
          });
        });
      });
      context.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        if (!/Content Security Policy|Permissions-Policy/i.test(text)) return;
        const from = message.page();
        if (from && auditedPages.has(from)) return;
        const page = message.page()?.url() ?? message.location().url;
        if (onAppPage(page)) problems.push(`${page}: ${text}`);
      });
      await use(undefined);
      expect(problems, "the browser refused something on a page of the app").toEqual([]);
    },
    { auto: true },
  ],
});
