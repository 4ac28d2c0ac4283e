import { expect, test } from "@playwright/test";
import { expectAccessible, grantAdmin, signIn } from "./support";

// A demo member made admin, so this leaves other admins' sign-ins (rate limited) to their own tests.
const STAFF = "daniel.reid@nhs.net";

test.describe("on a 320px wide screen", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("the members table keeps each member's status in view", async ({ page }) => {
    grantAdmin(STAFF);
    await signIn(page, STAFF, { redirectTo: "/admin/members?q=Fenway%20Surgery" });
    const row = page.getByRole("row").filter({ hasText: "Dr Aisha Rahman" });
    // Scrolled to the member's name, as someone reading the list would be, their status is on screen too.
    await row.getByRole("link", { name: "Dr Aisha Rahman" }).scrollIntoViewIfNeeded();
    await expect(row.getByText("Active", { exact: true })).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
