import { expect, test, visit } from "./support";

// The design system's error summary: following a link shows the question (label or legend) and focuses the input.
test("an error summary link brings the question into view and focuses its input, after errors found in the browser", async ({ page }) => {
  await visit(page, "/join");
  await page.getByLabel("Full name").fill("Alex Example");
  await page.getByRole("button", { name: "Join the network" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Select your NHS England region" })).toBeVisible();

  await summary.getByRole("link", { name: "Select your NHS England region" }).click();
  await expect(page.getByRole("radio", { name: "North East and Yorkshire" })).toBeFocused();
  await expect(page.getByText("NHS England region you work in")).toBeInViewport();

  // The same after the keyboard, for a text field further up.
  await page.getByRole("textbox", { name: "Organisation" }).fill("");
  await summary.getByRole("link", { name: "Enter the name of your organisation" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Organisation" })).toBeFocused();
  await expect(page.getByText("Organisation", { exact: true })).toBeInViewport();
});
