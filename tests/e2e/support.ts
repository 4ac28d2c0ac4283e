import { execFileSync } from "node:child_process";
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

/** The 6-digit code in a verification or sign-in email. */
export function codeFrom(mail: ReceivedMail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No 6-digit code in "${mail.subject}"`);
  return code;
}

/** The link in a verification or sign-in email (it opens a page with a button; it changes nothing itself). */
export function linkFrom(mail: ReceivedMail): string {
  const link = /https?:\/\/\S+\/verify\/[a-z0-9]+\?token=[a-z0-9]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No verification link in "${mail.subject}"`);
  return link;
}

/**
 * Signs `email` (an active member) in, from signed out, through the real passwordless flow: asks for a code at
 * /sign-in, reads it from the SMTP sink and types it in. Ends on the page after signing in
 * (the member's /account unless `redirectTo` says otherwise). Each call counts towards the
 * sign-in rate limits (5 per address per 15 minutes; 100 per client address, shared by the suite).
 */
export async function signIn(page: Page, email: string, options: { redirectTo?: string } = {}): Promise<void> {
  const before = new Set((await receivedMail()).map((mail) => mail.messageId));
  await page.goto(options.redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(options.redirectTo)}` : "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(email, (m) => m.subject === "Sign in to the Social Prescribing Network" && !before.has(m.messageId));
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

/**
 * Gives a demo member the admin role in the SMTP-mode portal's database, as an operator would with the CLI,
 * so staff tests can sign in as someone other than demo.admin and stay inside the sign-in rate limits.
 */
export function grantAdmin(email: string): void {
  execFileSync("npx", ["tsx", "scripts/cli.ts", "grant-role", email, "admin"], {
    env: { ...process.env, DATABASE_PATH: "test-results/e2e-smtp.db", LOG_LEVEL: "silent" },
  });
}
