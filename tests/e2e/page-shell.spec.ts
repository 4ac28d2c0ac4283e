import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, visit } from "./support";

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
