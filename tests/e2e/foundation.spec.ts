import { spawnSync } from "node:child_process";
import { captureOrigin, expect, expectAccessible, runCli, test, visit, watchOutsideRequests } from "./support";

test("home page explains the network and leads to joining, webinars and FAQ", async ({ page }) => {
  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Social Prescribing Network" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Join the network with your work email/ })).toHaveAttribute("href", "/join");
  const menu = page.getByRole("navigation", { name: "Menu" });
  for (const item of ["Webinars", "Recordings", "Workspaces", "FAQ"]) {
    await expect(menu.getByRole("link", { name: item })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  // Sending through SMTP: no capture banner.
  await expect(page.getByText("Email is captured, not sent")).toHaveCount(0);
  // Type from installed fonts (app/ui/app.css): no web font is declared, so none is fetched from anywhere.
  expect(await page.evaluate(() => document.fonts.size)).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/arial, sans-serif$/);
});

test("each menu section and the accessibility statement answers with a page, not a 404", async ({ page }) => {
  for (const [path, heading, status] of [
    ["/webinars", "Webinars", 200],
    // The recordings are for members: a visitor is refused (403) with a page saying how to sign in or join.
    ["/recordings", "Recordings are for network members", 403],
    ["/workspaces", "Workspaces", 200],
    ["/accessibility", "Accessibility statement", 200],
  ] as const) {
    await visit(page, path, status);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
});

test("pages carry strict security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Fonts and everything else come from the portal itself: no other host is named.
  expect(headers["content-security-policy"]).toContain("font-src 'self'");
  expect(headers["content-security-policy"]).not.toMatch(/https?:/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the FAQ page is reachable from the menu", async ({ page }) => {
  await visit(page, "/");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "FAQ" }).click();
  await expect(page).toHaveURL(/\/faq$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("an unknown address shows the NHS-style 404 page with a 404 status", async ({ page }) => {
  await visit(page, "/no-such-page", 404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("the tests cannot reach other hosts, and a page that asks for one is caught", async ({ browser }) => {
  const context = await browser.newContext();
  const outside = watchOutsideRequests(context);
  const page = await context.newPage();
  const url = "https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2";
  const result = await page.evaluate((href) => fetch(href).then(() => "reached", () => "failed"), url);
  expect(result).toBe("failed");
  expect(outside).toEqual([url]);
  await context.close();
});

test("/healthz reports the database and the outbox backlog", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok", outboxBacklog: expect.any(Number) });
});

test("/dev/mail does not exist when SMTP is configured", async ({ request }) => {
  expect((await request.get("/dev/mail")).status()).toBe(404);
});

test("a form posted from another site is refused", async ({ request }) => {
  const response = await request.post("/sign-out", { headers: { Origin: "https://evil.example" } });
  expect(response.status()).toBe(403);
});

test.describe("capture mode (the quick start)", () => {
  test("every page says email is captured, and /dev/mail shows each message as HTML and text with headers", async ({
    page,
  }) => {
    // An operator queues a test email with the CLI against the capture-mode portal's database.
    runCli("test-results/e2e-capture.db", "send-test-email", "captured.reader@nhs.net");

    await visit(page, `${captureOrigin}/`);
    await expect(page.getByRole("region", { name: "Email is captured, not sent" })).toBeVisible();
    await page.getByRole("link", { name: "Read captured email" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Captured email" })).toBeVisible();
    await expectAccessible(page);

    const subject = "Test message from the Social Prescribing Network portal";
    // The worker captures it within a poll or two; the list is a snapshot, so look again until it says sent.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("row").filter({ hasText: "captured.reader@nhs.net" })).toContainText("sent", { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await page.getByRole("link", { name: subject }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(page.getByText("Message-ID")).toBeVisible();
    // The text version shows the title (the email's h1) in capitals, as plain text marks a heading.
    await expect(page.getByTestId("mail-text")).toContainText("Email is working");
    await expectAccessible(page);

    const htmlHref = await page.getByRole("link", { name: "Open the HTML version of this email" }).getAttribute("href");
    const html = await page.request.get(`${captureOrigin}${htmlHref}`);
    expect(html.headers()["content-type"]).toContain("text/html");
    expect(html.headers()["content-security-policy"]).toContain("sandbox");
    expect(await html.text()).toContain("Email is working");
  });
});

test("the production server refuses to start with a bad environment, naming the variable in one line", () => {
  // The compiled server as `npm start` runs it.
  const result = spawnSync("node", ["build/portal/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "4399",
      APP_URL: "https://portal.example.org",
      SMTP_URL: "smtp://127.0.0.1:2525",
      SESSION_SECRET: "",
    },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe("Invalid configuration: SESSION_SECRET is required in production");
});
