import { expect, expectAccessible, grantAdmin, test } from "./support";

// A demo member made admin (as staff-tools.spec does), so this leaves demo.admin's sign-ins (rate limited) to
// admin.spec, and leaves daniel.reid a plain member for admin.spec's access check.
const STAFF = "tom.okafor@nhs.net";
test.beforeAll(() => grantAdmin(STAFF));
test.use({ signedInAs: STAFF });

test.describe("on a 320px wide screen", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("the members table keeps each member's status in view", async ({ page }) => {
    await page.goto("/admin/members?q=Fenway%20Surgery");
    const row = page.getByRole("row").filter({ hasText: "Dr Aisha Rahman" });
    // Scrolled to the member's name, as someone reading the list would be, their status is on screen too.
    await row.getByRole("link", { name: "Dr Aisha Rahman" }).scrollIntoViewIfNeeded();
    await expect(row.getByText("Active", { exact: true })).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
