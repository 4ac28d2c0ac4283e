import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { ports } from "../../playwright.config";
import type { ReceivedMail } from "../support/smtp-sink";

export const captureOrigin = `http://localhost:${ports.capture}`;

/** Scans the page as it is now with axe at WCAG 2.2 A and AA; any violation fails the test. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Goes to a path, checks the status, and scans the page for accessibility. */
export async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(expectedStatus);
  await expectAccessible(page);
}

/** Every email the SMTP sink has received. */
export async function receivedMail(): Promise<ReceivedMail[]> {
  const response = await fetch(`http://127.0.0.1:${ports.sinkHttp}/messages`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for an email to `to` (newest first) matching `predicate`. */
export async function waitForMail(to: string, predicate: (mail: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const mail = await receivedMail();
        found = mail.reverse().find((m) => m.to.includes(to.toLowerCase()) && predicate(m));
        return found !== undefined;
      },
      { timeout: 15_000, message: `email to ${to}` },
    )
    .toBe(true);
  return found as ReceivedMail;
}
