import { codeFrom, expect, expectAccessible, forChallenge, linkFrom, SIGN_IN_SUBJECT, test, visit, waitForMail } from "./support";

// A demo member (app/membership/demo-members.server.ts) no other spec signs in as, to stay inside the rate limits.
const MEMBER = "aisha.rahman@nhs.net";

async function askForSignIn(page: import("@playwright/test").Page) {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(MEMBER);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  return waitForMail(MEMBER, forChallenge(new URL(page.url()).pathname, SIGN_IN_SUBJECT));
}

test("a link cut short by the mail client still leaves the code to type in", async ({ page }) => {
  const mail = await askForSignIn(page);
  await visit(page, linkFrom(mail).slice(0, -4));
  await expect(page.getByText("This link is not complete")).toBeVisible();
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // Going back to the used page, signed in, says so rather than asking for a new code.
  await page.goBack();
  await expect(page.getByText("you are signed in")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send a new code" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Go to your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
});
