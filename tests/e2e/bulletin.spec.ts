import type { BrowserContext } from "@playwright/test";
import { expect, expectAccessible, grantAdmin, joinedMember, test, visit, waitForMail } from "./support";

const unsubscribeLinkIn = (text: string) => {
  const link = /https?:\/\/\S+\/unsubscribe\/[a-z2-7]{32}/.exec(text)?.[0];
  if (!link) throw new Error("No unsubscribe link in the email");
  return link;
};

/** A new member (not a demo person other specs rely on), signed in in `context`, who has ticked the bulletin. */
async function subscribedMember(context: BrowserContext): Promise<string> {
  const email = await joinedMember({ signedIn: context });
  const saved = await context.request.post("/account/preferences", { form: { bulletin: "on" }, maxRedirects: 0 });
  expect(saved.status()).toBe(302);
  return email;
}

test.describe.configure({ mode: "serial" });

const subject = `Bulletin from the browser tests ${Date.now()}`;
let oneClicker = "";

test("staff write and send a bulletin; a member gets it, unsubscribes from the link, and their account says so", async ({ page, context, browser }) => {
  // Members joining, a send through the worker and the SMTP sink, and an accessibility scan of every page.
  test.setTimeout(90_000);
  const memberContext = await browser.newContext();
  const member = await subscribedMember(memberContext);
  const oneClickContext = await browser.newContext();
  oneClicker = await subscribedMember(oneClickContext);
  await oneClickContext.close();

  // A new member made staff, so no demo person's sign-ins or roles are touched.
  const staff = await joinedMember({ signedIn: context });
  grantAdmin(staff);
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
  await expect(page.getByTestId("bulletin-text")).toContainText("Winter walks");
  await expect(page.getByTestId("bulletin-text")).toContainText("<b>not bold</b>");
  await expect(page.frameLocator('iframe[title="The email on a phone"]').getByText("Winter walks")).toBeVisible();
  await expectAccessible(page);

  // A test copy to themselves first, with a working unsubscribe link of their own.
  await page.getByRole("button", { name: "Send a test to yourself" }).click();
  await expect(page.getByText("A test copy is on its way to your email address.")).toBeVisible();
  const testCopy = await waitForMail(staff, (m) => m.subject === `Test: ${subject}`);
  expect(unsubscribeLinkIn(testCopy.text)).toBeTruthy();

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

  const mail = await waitForMail(member, (m) => m.subject === subject);
  const link = unsubscribeLinkIn(mail.text);

  // The member opens the link in a browser where they are not signed in.
  const linkContext = await browser.newContext();
  const linkPage = await linkContext.newPage();
  await visit(linkPage, link);
  await expect(linkPage.getByRole("heading", { level: 1, name: "Unsubscribe from the bulletin" })).toBeVisible();
  // The button works without JavaScript too (axe needs it, so the pages are scanned in the first browser).
  const noScriptContext = await browser.newContext({ javaScriptEnabled: false });
  const noScriptPage = await noScriptContext.newPage();
  await noScriptPage.goto(link);
  await noScriptPage.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(noScriptPage.getByRole("heading", { level: 1, name: "You have unsubscribed from the bulletin" })).toBeVisible();
  await visit(linkPage, new URL(noScriptPage.url()).pathname + new URL(noScriptPage.url()).search);
  await noScriptContext.close();
  await expect(linkPage.getByRole("heading", { level: 1, name: "You have unsubscribed from the bulletin" })).toBeVisible();
  await expect(linkPage.getByRole("button", { name: "Undo: send me the bulletin again" })).toBeVisible();
  await expect(linkPage.getByRole("link", { name: "change your email preferences" })).toBeVisible();
  await expect(linkPage.getByRole("link", { name: "leave the network" })).toBeVisible();
  await linkContext.close();

  // Where they are signed in, their account says so, and the archive has the bulletin.
  const memberPage = await memberContext.newPage();
  await visit(memberPage, "/account");
  const row = memberPage.locator(".nhsuk-summary-list__row", { hasText: "Monthly bulletin" });
  await expect(row.locator(".nhsuk-summary-list__value")).toHaveText("No");
  await visit(memberPage, "/bulletins");
  await expect(memberPage.getByRole("link", { name: subject })).toBeVisible();
  await memberContext.close();

  await visit(page, "/admin/bulletins");
  await expect(page.getByRole("row", { name: new RegExp(subject) })).toBeVisible();
});

test("a mail program's one-click POST unsubscribes from another site, with no cookie, answering 200 without a redirect", async ({ playwright }) => {
  const mail = await waitForMail(oneClicker, (m) => m.subject === subject);
  const link = unsubscribeLinkIn(mail.text);
  // A fresh client: no cookies, as a mail provider's server or a webmail page elsewhere.
  const client = await playwright.request.newContext();
  const crossSite = { Origin: "https://webmail.example.net", "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" };

  // A link scanner opening it (GET, HEAD) changes nothing.
  expect((await client.head(link)).status()).toBe(200);
  const opened = await client.get(link);
  expect(opened.status()).toBe(200);
  expect(await opened.text()).toContain("Unsubscribe from the bulletin");

  // Only the one-click shape gets through from another site: not the page's buttons, not another body.
  expect((await client.post(`${link}/confirm`, { headers: crossSite, data: "intent=unsubscribe", maxRedirects: 0 })).status()).toBe(403);
  expect((await client.post(link, { headers: crossSite, data: "intent=unsubscribe", maxRedirects: 0 })).status()).toBe(400);
  expect(await (await client.get(link)).text()).toContain("Unsubscribe from the bulletin");

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

  await visit(page, "/unsubscribe/abcdefghijklmnopqrstuvwxyz234567", 404);
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link does not work" })).toBeVisible();
});
