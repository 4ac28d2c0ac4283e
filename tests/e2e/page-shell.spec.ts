import type { Page } from "@playwright/test";
import { expect, expectAccessible, grantAdmin, test, visit } from "./support";

/** Collects uncaught page errors (such as React hydration failures) while a test runs. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test.describe("on a 320px wide screen", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("pages hydrate without errors and the header's More menu leads on", async ({ page }) => {
    const errors = pageErrors(page);
    // The second and later loads have nhsuk-frontend cached, which is when it used to race hydration.
    for (const path of ["/", "/faq", "/join", "/sign-in"]) {
      await visit(page, path);
      await page.waitForLoadState("networkidle");
    }
    const menu = page.getByRole("navigation", { name: "Menu" });
    await menu.getByRole("button", { name: "Browse More" }).click();
    await menu.getByRole("link", { name: "Workspaces" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("the staff tools' tables scroll in their own box, not the page", async ({ page, context, accounts }) => {
    // A demo member made admin, leaving demo.admin's sign-ins (rate limited) to admin.spec.
    grantAdmin("tom.okafor@nhs.net");
    await accounts.signIn(context, "tom.okafor@nhs.net");
    await page.goto("/admin/domains");
    // Something in the audit log, whatever ran before.
    await page.getByLabel("Domain", { exact: true }).fill(`narrow-${Date.now()}.example.org.uk`);
    await page.getByRole("radio", { name: "Always refuse" }).check();
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByText(/Rule added for narrow-/)).toBeVisible();
    for (const [path, table] of [
      ["/admin/members", "Members, newest first"],
      ["/admin/domains", "Email domain rules"],
      ["/admin/audit", "Audit log, newest first"],
    ] as const) {
      await visit(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      // The table's own box is a named region keyboard users can reach to scroll it.
      const region = page.getByRole("region", { name: table });
      await expect(region.getByRole("table", { name: table })).toBeVisible();
      await expect(region).toHaveAttribute("tabindex", "0");
    }
  });
});

test("the header menu shows the current section, the NHS.UK way, as the visitor moves around", async ({ page }) => {
  const menu = page.getByRole("navigation", { name: "Menu" });
  const item = (name: string) => menu.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });

  await visit(page, "/faq");
  await expect(menu.getByRole("link", { name: "FAQ" })).toHaveAttribute("aria-current", "page");
  await expect(item("FAQ")).toHaveClass(/nhsuk-header__navigation-item--current/);
  await expect(menu.locator("[aria-current]")).toHaveCount(1);

  await menu.getByRole("link", { name: "Webinars" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webinars" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Webinars" })).toHaveAttribute("aria-current", "page");
  await expect(item("Webinars")).toHaveClass(/nhsuk-header__navigation-item--current/);
  await expect(item("FAQ")).not.toHaveClass(/nhsuk-header__navigation-item--current/);
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  await expectAccessible(page);

  // A page outside the menu's sections marks none of them.
  await visit(page, "/privacy");
  await expect(menu.locator("[aria-current], .nhsuk-header__navigation-item--current")).toHaveCount(0);
});

test.describe("page titles", () => {
  const SIGN_IN = "Sign in – Social Prescribing Network";

  test("start with Error: while a form shows errors found in the browser, and lose it once corrected", async ({ page }) => {
    await visit(page, "/sign-in");
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter your email address");
    await expect(page).toHaveTitle(`Error: ${SIGN_IN}`);
    await page.getByLabel("Email address").fill("someone@nhs.net");
    await expect(page).toHaveTitle(SIGN_IN);
  });

  test("start with Error: when the server refuses what was sent", async ({ page }) => {
    await visit(page, "/join");
    await page.getByLabel("Full name").fill("Alex Example");
    await page.getByLabel("Work email address").fill("alex.example@gmail.com");
    await page.getByRole("textbox", { name: "Organisation" }).fill("Riverside PCN");
    await page.getByRole("radio", { name: "Commissioner" }).check();
    await page.getByRole("radio", { name: "Midlands" }).check();
    await page.getByRole("button", { name: "Join the network" }).click();
    await expect(page.getByRole("alert")).toContainText("personal email address");
    await expect(page).toHaveTitle("Error: Join the network – Social Prescribing Network");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("start with Error: on the page the server sends back with the errors", async ({ page }) => {
      // axe needs JavaScript in the page, so this is not scanned; the same page is, with JavaScript, above.
      expect((await page.goto("/sign-in"))?.status()).toBe(200);
      await page.getByRole("button", { name: "Email me a sign-in code" }).click();
      await expect(page.getByRole("alert")).toContainText("Enter your email address");
      await expect(page).toHaveTitle(`Error: ${SIGN_IN}`);
    });
  });

  test("repeat the page's main heading, so the tab and the page agree", async ({ page }) => {
    for (const path of ["/", "/sign-in", "/join/pending", "/faq", "/guidance", "/guidance/recording-activity", "/privacy", "/accessibility", "/webinars"]) {
      await page.goto(path);
      const heading = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
      const title = await page.title();
      expect(title === "Social Prescribing Network" || title.startsWith(`${heading} – `), `title of ${path}: ${title}`).toBe(true);
    }
  });

  test("of an error page name the error, not the page that was asked for", async ({ page }) => {
    await visit(page, "/verify/no-such-challenge", 404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found – Social Prescribing Network");
  });
});

test("following a link with the keyboard starts the next page at its main content, not back at the link", async ({ page }) => {
  await visit(page, "/faq");
  await page.getByRole("contentinfo").getByRole("link", { name: "Guidance" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Guidance" })).toBeVisible();
  await expect(page.getByRole("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement))).toBe(true);
  await expectAccessible(page);
});
