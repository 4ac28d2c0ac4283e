import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, request as apiRequest, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { ports } from "../../playwright.config";
import type { ReceivedMail } from "../support/smtp-sink";

export { expect };

export const portalOrigin = `http://localhost:${ports.portal}`;
export const captureOrigin = `http://localhost:${ports.capture}`;

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The portals and the mail sink run on this machine; anything else is the outside world. */
function isOutside(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data:, blob: and about: URLs never leave the browser.
  if (!/^(https?|wss?|ftp):$/.test(protocol)) return false;
  return !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

/** Collects, as they happen, the URLs of requests from `context`'s pages to hosts outside this machine. */
export function watchOutsideRequests(context: BrowserContext): string[] {
  const outside: string[] = [];
  context.on("request", (request) => {
    if (isOutside(request.url())) outside.push(request.url());
  });
  return outside;
}

/**
 * Fails the test, naming the URLs, if a page in `context` asked for anything outside this machine.
 * The browser cannot reach such hosts anyway (playwright.config.ts maps every other host name to
 * "not found"), so this turns a silent fallback into a loud failure. It watches instead of routing
 * because any route turns off the browser's HTTP cache and sends every request through the test runner.
 */
async function forbidOutsideHosts(context: BrowserContext, use: () => Promise<void>): Promise<void> {
  const outside = watchOutsideRequests(context);
  await use();
  expect(outside, "requests to hosts other than localhost: the tests (and the portal) must work offline").toEqual([]);
}

/** Sessions signed in once per worker and reused, so a test that is not about signing in does not pay for it. */
interface Accounts {
  /** Cookies of a session for `email` (an active member), signed in through the real emailed-code flow. */
  storageState(email: string): Promise<StorageState>;
  /** Puts that session into `context`, replacing whoever was signed in there. */
  signIn(context: BrowserContext, email: string): Promise<void>;
}

export const test = base.extend<{ signedInAs: string | undefined }, { accounts: Accounts }>({
  context: async ({ context }, use) => {
    await forbidOutsideHosts(context, () => use(context));
  },

  accounts: [
    async ({}, use) => {
      const sessions = new Map<string, Promise<StorageState>>();
      const storageState = (email: string) => {
        if (!sessions.has(email)) sessions.set(email, signInWithApi(email));
        return sessions.get(email)!;
      };
      await use({
        storageState,
        async signIn(context, email) {
          const { cookies } = await storageState(email);
          await context.clearCookies();
          await context.addCookies(cookies);
        },
      });
    },
    { scope: "worker" },
  ],

  /** `test.use({ signedInAs: email })` starts each test's browser signed in as that member (a shared session). */
  signedInAs: [undefined, { option: true }],
  storageState: async ({ signedInAs, accounts, storageState }, use) => {
    await use(signedInAs ? await accounts.storageState(signedInAs) : storageState);
  },
});

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Page states this worker has already scanned, by their markup and window size: axe gives the same answer
 * for the same DOM at the same size, so a page every journey passes through (/join, /faq) is scanned once.
 */
const scannedStates = new Set<string>();

/** Scans the page as it is now with axe at WCAG 2.2 A and AA; any violation fails the test. */
export async function expectAccessible(page: Page): Promise<void> {
  const state = await page.evaluate(() => `${window.innerWidth}x${window.innerHeight}\n${document.documentElement.outerHTML}`);
  const key = createHash("sha256").update(state).digest("hex");
  if (scannedStates.has(key)) return;
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    // Legacy mode runs axe.run in the page itself instead of aggregating in a second, blank page: half the time.
    // It still scans same-origin frames; only cross-origin ones are left out, and the portal has no frames
    // (a frame from another host could not load in these offline tests anyway).
    .setLegacyMode()
    // Only violations fail the test, so skip building selectors for every passing node.
    .options({ resultTypes: ["violations"] })
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
  scannedStates.add(key);
}

/** Goes to a path, checks the status, and scans the page for accessibility. */
export async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(expectedStatus);
  await expectAccessible(page);
}

/** Every email the SMTP sink has received for `to`, oldest first. */
export async function receivedMail(to: string): Promise<ReceivedMail[]> {
  const response = await fetch(`http://127.0.0.1:${ports.sinkHttp}/messages?to=${encodeURIComponent(to.toLowerCase())}`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for an email to `to` (newest first) matching `predicate`. */
export async function waitForMail(to: string, predicate: (mail: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await receivedMail(to)).reverse().find(predicate);
        return found !== undefined;
      },
      // The portal's worker sends once a second; look often so a test does not sleep past its email.
      { timeout: 15_000, intervals: [100], message: `email to ${to}` },
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

export const SIGN_IN_SUBJECT = "Sign in to the Social Prescribing Network";

/**
 * Signs `email` (an active member) in, from signed out, through the real passwordless flow in the browser:
 * asks for a code at /sign-in, reads it from the SMTP sink and types it in. Ends on the page after signing in
 * (the member's /account unless `redirectTo` says otherwise). Each call counts towards the
 * sign-in rate limits (5 per address per 15 minutes; 100 per client address, shared by the suite).
 * Tests that only need someone signed in use `test.use({ signedInAs })` or `accounts` instead.
 */
export async function signIn(page: Page, email: string, options: { redirectTo?: string } = {}): Promise<void> {
  await page.goto(options.redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(options.redirectTo)}` : "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(email, forChallenge(new URL(page.url()).pathname, SIGN_IN_SUBJECT));
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

/**
 * Matches the email for the challenge at `verifyPath` (/verify/<id>, the page after asking for a code), so a test
 * never takes the code from another request for the same address, such as another worker signing in as demo.admin.
 */
export function forChallenge(verifyPath: string, subject: string | RegExp): (mail: ReceivedMail) => boolean {
  return (mail) => (typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject)) && mail.text.includes(`${verifyPath}?token=`);
}

/**
 * Posts a form as the browser would without JavaScript and returns where the portal redirected to.
 * (Requests from Node send no Origin or Sec-Fetch-Site, which the same-origin check lets through.)
 */
async function postForm(api: APIRequestContext, path: string, form: Record<string, string>): Promise<string> {
  const response = await api.post(path, { form, maxRedirects: 0 });
  expect(response.status(), `POST ${path}`).toBe(302);
  return response.headers()["location"] ?? "";
}

/** Confirms the challenge at `verifyPath` with the code from its email to `email`. */
async function confirmWithCode(api: APIRequestContext, verifyPath: string, email: string, subject: string | RegExp) {
  const mail = await waitForMail(email, forChallenge(verifyPath, subject));
  return postForm(api, verifyPath, { intent: "code", code: codeFrom(mail) });
}

/** Signs in over HTTP (the same forms and emailed code as in the browser) and returns the session's cookies. */
async function signInWithApi(email: string): Promise<StorageState> {
  const api = await apiRequest.newContext({ baseURL: portalOrigin });
  try {
    const verifyPath = await postForm(api, "/sign-in", { email });
    await confirmWithCode(api, verifyPath, email, SIGN_IN_SUBJECT);
    const state = await api.storageState();
    expect(state.cookies.map((c) => c.name), `session for ${email}`).toContain("spn_session");
    return state;
  } finally {
    await api.dispose();
  }
}

/** A fresh address per test, so tests do not depend on each other or on earlier runs. */
export function uniqueEmail(domain: string): string {
  return `joiner.${Date.now()}.${Math.floor(Math.random() * 1e6)}@${domain}`;
}

/**
 * A new member with a fresh address at a trusted `domain`, joined and confirmed over HTTP with the
 * emailed code (join.spec walks the same forms in the browser). With `signedIn`, the browser context is
 * left signed in as them (its `request` shares the browser's cookies); otherwise they are signed out.
 */
export async function joinedMember(options: { domain?: string; signedIn?: BrowserContext } = {}): Promise<string> {
  const email = uniqueEmail(options.domain ?? "nhs.net");
  const api = options.signedIn?.request ?? (await apiRequest.newContext({ baseURL: portalOrigin }));
  try {
    const form = { fullName: "Alex Example", email, organisation: "Riverside PCN", jobRole: "link-worker", region: "london" };
    const verifyPath = await postForm(api, "/join", form);
    const landing = await confirmWithCode(api, verifyPath, email, /^Confirm your email address/);
    expect(landing, `where joining with ${email} ends`).toBe("/welcome");
  } finally {
    if (!options.signedIn) await api.dispose();
  }
  return email;
}

const admins = new Set<string>();

/**
 * Gives a demo member the admin role in the SMTP-mode portal's database, as an operator would with the CLI,
 * so staff tests can sign in as someone other than demo.admin and stay inside the sign-in rate limits.
 * Once per worker is enough: the role lasts until the server restarts with a fresh database.
 */
export function grantAdmin(email: string): void {
  if (admins.has(email)) return;
  runCli("test-results/e2e-smtp.db", "grant-role", email, "admin");
  admins.add(email);
}

/** Runs an operator command (scripts/cli.ts) against one of the e2e portals' databases. */
export function runCli(databasePath: string, ...args: string[]): void {
  // node --import tsx rather than npx tsx: the same thing without npx's second or so of start-up.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath, LOG_LEVEL: "silent" },
  });
}
