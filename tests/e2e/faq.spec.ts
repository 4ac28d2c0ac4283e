import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, visit } from "./support";

const SNOMED_REFERRAL = "871731000000106";

async function searchFor(page: Page, words: string) {
  await page.getByRole("searchbox", { name: "Search questions and guidance" }).fill(words);
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

test("the contents list leads to each section of the questions and answers", async ({ page }) => {
  await visit(page, "/faq");
  await expect(page.getByRole("heading", { level: 1, name: "Questions and answers" })).toBeVisible();
  await page.getByRole("navigation", { name: "Sections on this page" }).getByRole("link", { name: "Webinars and recordings" }).click();
  await expect(page).toHaveURL(/\/faq#webinars$/);
  await expect(page.getByRole("heading", { level: 2, name: "Webinars and recordings" })).toBeInViewport();
  await expectAccessible(page);
});

test("searching for SNOMED leads to the recording-activity guidance, whose codes can be copied", async ({ page, context }) => {
  await visit(page, "/faq");
  await searchFor(page, "SNOMED");
  await expect(page).toHaveURL(/\/faq\?q=SNOMED$/);
  await expect(page.getByRole("heading", { level: 2, name: /results? for ‘SNOMED’/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Recording social prescribing activity" }).click();
  await expect(page).toHaveURL(/\/guidance\/recording-activity$/);
  await expect(page.getByRole("heading", { level: 1, name: "Recording social prescribing activity" })).toBeVisible();
  await expect(page.getByText(/^Page last reviewed: \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Guidance" }).first()).toHaveAttribute(
    "href",
    "/guidance",
  );
  await expect(page.getByRole("navigation", { name: "Related" }).getByRole("link", { name: "Measuring wellbeing" })).toBeVisible();
  await expectAccessible(page);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: `Copy code ${SNOMED_REFERRAL}` }).click();
  await expect(page.getByRole("button", { name: `Copied ${SNOMED_REFERRAL}` })).toBeVisible();
  await expect(page.getByText(`Code ${SNOMED_REFERRAL} copied`)).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SNOMED_REFERRAL);
});

test("a search result for a question opens the question on /faq", async ({ page }) => {
  await visit(page, "/faq?q=junk");
  await page.getByRole("link", { name: "When will my joining link arrive?" }).click();
  await expect(page).toHaveURL(/\/faq#joining-link$/);
  await expect(page.getByRole("heading", { level: 3, name: "When will my joining link arrive?" })).toBeInViewport();
});

test("a search with no matches says so and suggests what to do", async ({ page }) => {
  await visit(page, "/faq?q=xylophone");
  await expect(page.getByRole("heading", { level: 2, name: "No results for ‘xylophone’" })).toBeVisible();
  await expect(page.getByRole("link", { name: "browse all questions" })).toHaveAttribute("href", "/faq");
});

test("the guidance index lists the guidance, and an unknown page is a 404", async ({ page }) => {
  await visit(page, "/guidance");
  await page.getByRole("link", { name: "Getting onto the portal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Getting onto the portal" })).toBeVisible();
  await expectAccessible(page);
  await visit(page, "/guidance/no-such-guide", 404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test.describe("at 320 px wide with text at 200%", () => {
  // A 640 px window at 200% browser zoom lays out at 320 CSS px; doubling the root font size on top
  // also covers text-only zoom (nhsuk-frontend sizes text in rem).
  test.use({ viewport: { width: 320, height: 800 } });

  for (const path of ["/faq", "/faq?q=SNOMED", "/faq?q=xylophone", "/guidance", "/guidance/recording-activity", "/guidance/platform-access"]) {
    test(`${path} reflows without horizontal scrolling`, async ({ page }) => {
      await visit(page, path);
      await page.locator("header[data-nhsuk-header-init]").waitFor({ state: "attached" });
      await page.evaluate(() => {
        document.documentElement.style.fontSize = "200%";
      });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
      // nhsuk-frontend fits the header menu to the larger text in the animation frame after it notices; scan after that.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    });
  }
});

test.describe("without JavaScript", () => {
  // axe is itself a script, so it cannot scan here; the tests above scan the same pages.
  test.use({ javaScriptEnabled: false });

  test("search works and codes are plain selectable text", async ({ page }) => {
    expect((await page.goto("/faq"))?.status()).toBe(200);
    await searchFor(page, "SNOMED");
    await expect(page).toHaveURL(/\/faq\?q=SNOMED$/);
    await expect(page.getByRole("heading", { level: 2, name: "2 results for ‘SNOMED’" })).toBeVisible();
    await page.getByRole("link", { name: "Recording social prescribing activity" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Recording social prescribing activity" })).toBeVisible();
    await expect(page.getByRole("code").filter({ hasText: SNOMED_REFERRAL })).toBeVisible();
    // No button that would do nothing.
    await expect(page.getByRole("button", { name: /Copy code/ })).toHaveCount(0);
  });
});
