import { expect, test } from "@playwright/test";
import { expectAccessible, grantAdmin, signIn, visit, waitForMail } from "./support";

// Demo members no other spec signs in as (sign-ins are rate limited per address).
const STAFF = "daniel.reid@nhs.net";
const MEMBER = "sian.hughes@nhs.net";
const ONE_CLICKER = "tom.okafor@nhs.net";

const unsubscribeLinkIn = (text: string) => {
  const link = /https?:\/\/\S+\/unsubscribe\/\d+-[0-9a-f]{32}/.exec(text)?.[0];
  if (!link) throw new Error("No unsubscribe link in the email");
  return link;
};

test.describe.configure({ mode: "serial" });

const subject = `Bulletin from the browser tests ${Date.now()}`;

test("staff write and send a bulletin; a member gets it, unsubscribes from the link, and their account says so", async ({ page, browser }) => {
  // Two sign-ins, a send through the worker and the SMTP sink, and an accessibility scan of every page.
  test.setTimeout(90_000);
  grantAdmin(STAFF);
  await signIn(page, STAFF, { redirectTo: "/admin/bulletins" });
  await visit(page, "/admin/bulletins");
  await expect(page.getByRole("heading", { level: 1, name: "Bulletins" })).toBeVisible();

  await page.getByRole("button", { name: "Write a new bulletin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a bulletin" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("link", { name: "Enter the subject" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Preview text (optional)").fill("News from link workers");
  await page.getByLabel("The bulletin").fill("## Winter walks\n\nRead [the FAQ](/faq) for more.\n\n<b>not bold</b>");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText("Saved. Check the preview below before sending.")).toBeVisible();
  await expect(page.getByTestId("bulletin-text")).toContainText("WINTER WALKS");
  await expect(page.getByTestId("bulletin-text")).toContainText("<b>not bold</b>");
  await expect(page.frameLocator('iframe[title="The email on a phone"]').getByText("Winter walks")).toBeVisible();
  await expectAccessible(page);

  // Scheduling and editing are there too; this one is sent now.
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule the bulletin" })).toBeVisible();
  await page.getByRole("button", { name: "Schedule bulletin" }).click();
  await expect(page.getByRole("link", { name: /Enter the date to send it/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cancel" }).click();
  await page.getByRole("link", { name: "Edit the bulletin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit bulletin" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save changes" }).click();

  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Send this bulletin to \d+ members now\?$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Yes, send it to \d+ members$/ }).click();
  await expect(page.getByText("Sending has started.")).toBeVisible();
  await expectAccessible(page);

  const mail = await waitForMail(MEMBER, (m) => m.subject === subject);
  const link = unsubscribeLinkIn(mail.text);

  // The member opens the link in a browser where they are not signed in.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await visit(memberPage, link);
  await expect(memberPage.getByRole("heading", { level: 1, name: "Unsubscribe from the bulletin" })).toBeVisible();
  await memberPage.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: "You have unsubscribed from the bulletin" })).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Undo: send me the bulletin again" })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "change your email preferences" })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "leave the network" })).toBeVisible();
  await expectAccessible(memberPage);

  await signIn(memberPage, MEMBER);
  const row = memberPage.locator(".nhsuk-summary-list__row", { hasText: "Monthly bulletin" });
  await expect(row.locator(".nhsuk-summary-list__value")).toHaveText("No");
  await expectAccessible(memberPage);
  await visit(memberPage, "/bulletins");
  await expect(memberPage.getByRole("link", { name: subject })).toBeVisible();
  await memberContext.close();

  await visit(page, "/admin/bulletins");
  await expect(page.getByRole("row", { name: new RegExp(subject) })).toBeVisible();
});

test("a mail program's one-click POST unsubscribes from another site, with no cookie, answering 200 without a redirect", async ({ playwright }) => {
  const mail = await waitForMail(ONE_CLICKER, (m) => m.subject === subject);
  const link = unsubscribeLinkIn(mail.text);
  // A fresh client: no cookies, as a mail provider's server or a webmail page elsewhere.
  const client = await playwright.request.newContext();
  const crossSite = { Origin: "https://webmail.example.net", "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" };

  const opened = await client.get(link);
  expect(opened.status()).toBe(200);
  expect(await opened.text()).toContain("Unsubscribe from the bulletin");

  // Only the one-click shape gets through from another site: not the page's buttons, not another body.
  expect((await client.post(`${link}/confirm`, { headers: crossSite, data: "intent=resubscribe", maxRedirects: 0 })).status()).toBe(403);
  expect((await client.post(link, { headers: crossSite, data: "intent=unsubscribe", maxRedirects: 0 })).status()).toBe(400);

  for (let i = 0; i < 2; i++) {
    const response = await client.post(link, { headers: crossSite, data: "List-Unsubscribe=One-Click", maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["location"]).toBeUndefined();
  }
  expect(await (await client.get(link)).text()).toContain("You are not subscribed to the bulletin");
  await client.dispose();
});

test("visitors read public bulletins; a broken unsubscribe link gets a friendly page", async ({ page }) => {
  await visit(page, "/bulletins");
  const publicOne = page.getByRole("link", { name: /^Network bulletin: / });
  await expect(publicOne).toHaveCount(1);
  await publicOne.click();
  await expect(page.getByRole("heading", { level: 2, name: "Winter wellbeing ideas" })).toBeVisible();
  await expectAccessible(page);

  await visit(page, "/unsubscribe/1-0123456789abcdef0123456789abcdef", 404);
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link does not work" })).toBeVisible();
});
